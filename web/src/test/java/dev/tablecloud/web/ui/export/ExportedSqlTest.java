package dev.tablecloud.web.ui.export;

import com.vaadin.flow.component.Component;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.mapping.FiredMapping;
import dev.tablecloud.mapping.MappingData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportedSqlTest {

    /** The download's address is made for the page's UI, as it is in the server. */
    @org.junit.jupiter.api.BeforeEach
    void ui() {
        com.vaadin.flow.component.UI.setCurrent(new com.vaadin.flow.component.UI());
    }

    @org.junit.jupiter.api.AfterEach
    void noUi() {
        com.vaadin.flow.component.UI.setCurrent(null);
    }

    @Test
    void aTransactionsFileIsNamedByEnvironmentAndTransactionAndAMomentsByItsTime() {
        assertThat(ExportedSql.fileName("staging", 12L, null)).isEqualTo("staging-tx12.sql");
        assertThat(ExportedSql.fileName("staging", null, Instant.parse("2026-12-01T09:05:00Z")))
                .isEqualTo("staging-since-20261201-090500.sql");
        assertThat(ExportedSql.fileName("a/b c", 1L, null)).isEqualTo("a_b_c-tx1.sql");
    }

    @Test
    void showsTheScriptTheMappingsThatFiredAndWhatWasLeftOut() {
        ExportedSql exported = new ExportedSql();
        MappingData names = new MappingData(4L, "name", null, null, "staging", "prod");
        TransactionSql sql = new TransactionSql(12L, "prod", List.of("INSERT INTO vpc (cidr_block) VALUES ('10.0.0.0/16');"),
                List.of("key_pair row 3 (audit 9): no portable key"),
                List.of(new FiredMapping(names, List.of("vpc.tags 'app-staging' → 'app-prod'"))));

        exported.show("staging", sql, null);

        assertThat(exported.isVisible()).isTrue();
        assertThat(exported.script.getText()).isEqualTo(sql.script()).isEqualTo(exported.text());
        assertThat(texts(exported.fired)).containsExactly(
                "name: 'staging' → 'prod' — vpc.tags 'app-staging' → 'app-prod'");
        assertThat(texts(exported.problems)).containsExactly("key_pair row 3 (audit 9): no portable key");
        assertThat(exported.download.getElement().getAttribute("data-file")).isEqualTo("staging-tx12.sql");
        assertThat(exported.download.getElement().getTextRecursively()).contains("Download staging-tx12.sql");
    }

    @Test
    void withoutATargetItSaysNoMappingsApply() {
        ExportedSql exported = new ExportedSql();

        exported.show("staging", new TransactionSql(3L, null, List.of(), List.of(), List.of()), null);

        assertThat(texts(exported.fired)).containsExactly("No target chosen: no value mappings apply.");
        assertThat(texts(exported.problems)).containsExactly("Every change was exported.");
    }

    private static List<String> texts(Component list) {
        return list.getChildren().map(item -> item.getElement().getTextRecursively()).toList();
    }
}
