package dev.tablecloud.envdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsHostAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.internal:5432/tablecloud?sslmode=require", "prod"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/prod?sslmode=require");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost/tablecloud", "mycompany-staging"))
                .isEqualTo("jdbc:postgresql://localhost/mycompany-staging");
    }

    @Test
    void addsADatabaseToAUrlWithout() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:15432", "dev"))
                .isEqualTo("jdbc:postgresql://localhost:15432/dev");
    }

    @Test
    void rejectsOtherUrls() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://x/y", "dev")).hasMessageContaining("jdbc:mysql");
    }
}
