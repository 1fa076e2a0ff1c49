package dev.tablecloud.review;

import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewMarkdownTest {

    private static final TransactionData OPEN = new TransactionData(12, TransactionState.OPEN, "alice",
            Instant.parse("2026-11-21T10:00:00Z"), null, null, null, null, null, null, null);

    @Test
    void holdsTitleDescriptionPreviewAndEveryStatement() {
        TransactionSql sql = new TransactionSql(12L, null, List.of("INSERT INTO vpc (cidr_block) VALUES ('10.0.0.0/16'::cidr);",
                "INSERT INTO bucket (name, region) VALUES ('logs', 'us-east-1');"), List.of(), List.of());
        List<PreviewRow> preview = List.of(new PreviewRow("create", "vpc", "1", "vpc app",
                List.of("cidr_block: → 10.0.0.0/16", "tags: → {\"Name\":\"a|b\"}")));

        String markdown = ReviewMarkdown.of("Add the app VPC", "Needed for *app*.", "staging", OPEN, preview, sql);

        assertThat(markdown).startsWith("# Add the app VPC\n\nNeeded for *app*.\n\nTransaction 12 in `staging`,"
                + " opened by alice at 2026-11-21T10:00:00Z.\n");
        assertThat(markdown).contains("| create | vpc | 1 | vpc app | cidr_block: → 10.0.0.0/16<br>tags: →"
                + " {\"Name\":\"a\\|b\"} |\n");
        assertThat(markdown).contains("```sql\n-- Tablecloud: the changes of transaction 12\n"
                + "INSERT INTO vpc (cidr_block) VALUES ('10.0.0.0/16'::cidr);\n"
                + "INSERT INTO bucket (name, region) VALUES ('logs', 'us-east-1');\n```\n");
    }

    @Test
    void aValueWithBackticksCannotCloseTheSqlBlockNorALineBreakTheTable() {
        assertThat(ReviewMarkdown.fenceFor("select '```'")).isEqualTo("````");
        assertThat(ReviewMarkdown.cell("a\nb|c<script>")).isEqualTo("a<br>b\\|c&lt;script>");
    }
}
