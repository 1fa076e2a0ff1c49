package dev.tablecloud.browse;

import dev.tablecloud.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablePageSqlTest {

    private final TablePageSql vpc = new TablePageSql("vpc", List.of("id", "vpc_id", "cidr_block", "tags"));

    @Test
    void pagesInTheDatabaseInAStableOrder() {
        String sql = vpc.page(new TableQuery(null, null, "cidr_block", true, 200, 100));

        assertThat(sql).startsWith("select to_jsonb(t)::text, t.\"id\"::text, t.\"vpc_id\"::text")
                .contains("from \"vpc\" t order by t.\"cidr_block\" desc nulls last, t.\"id\"")
                .endsWith("limit 100 offset 200");
    }

    @Test
    void filtersAnyColumnWithTheTextAsTypedNotAsAPattern() {
        TableQuery query = new TableQuery("10.0_%", null, null, false, 0, 50);

        assertThat(vpc.page(query)).contains("where to_jsonb(t)::text ilike ? escape '\\'");
        assertThat(vpc.count(query)).isEqualTo("select count(*) from \"vpc\" t where to_jsonb(t)::text ilike ? escape '\\'");
        assertThat(vpc.parameters(query)).containsExactly("%10.0\\_\\%%");
    }

    @Test
    void filtersOneColumnWhenNamed() {
        TableQuery query = new TableQuery("web", "tags", null, false, 0, 50);

        assertThat(vpc.count(query)).endsWith("where t.\"tags\"::text ilike ? escape '\\'");
    }

    @Test
    void refusesColumnsTheTableDoesNotHaveSoNoNameReachesTheSqlUnchecked() {
        assertThatThrownBy(() -> vpc.page(new TableQuery(null, null, "id; drop table vpc", false, 0, 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Table vpc has no column 'id; drop table vpc': sort by one of id, vpc_id, cidr_block, tags.");
        assertThatThrownBy(() -> vpc.count(new TableQuery("x", "nope", null, false, 0, 10)))
                .hasMessageContaining("filter on one of");
    }

    @Test
    void neverLoadsMoreThanAPage() {
        assertThatThrownBy(() -> vpc.page(new TableQuery(null, null, null, false, 0, 10_000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Ask for 1 to 500 rows at a time, not 10000.");
    }
}
