package dev.tablecloud.web.ui.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewSqlTest {

    @Test
    void showsTheRevisionsSqlAndOffersItAsAFileNamedAfterReviewAndRevision() {
        ReviewSql sql = new ReviewSql();
        sql.show(7, Reviews.open(false, java.util.List.of(), java.util.List.of(), java.util.List.of()).revisions().get(0));

        assertThat(sql.sql.getText()).isEqualTo("INSERT INTO vpc (cidr_block) VALUES ('10.0.0.0/16');");
        assertThat(sql.download.getText()).isEqualTo("Download review-7-revision-1.sql");
        assertThat(ReviewSql.fileName(12, 3)).isEqualTo("review-12-revision-3.sql");
    }
}
