package dev.tablecloud.audit;

import dev.tablecloud.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void withoutAFilterAPageIsTheNewestEntriesByIdNeverTheClock() {
        AuditQuery query = new AuditQuery(AuditFilter.none());

        assertThat(query.page(200, 100)).endsWith("from iasql_audit_log where id in (select id from iasql_audit_log"
                + " order by id desc limit 100 offset 200) order by id desc");
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void everyPartOfTheFilterIsAParameterInTheOrderOfItsPlaceholder() {
        AuditQuery query = new AuditQuery(new AuditFilter("alice", "user", "UPDATE", "vpc", 7L, NINE, TEN));

        assertThat(query.page(0, 50)).contains(" where actor = ? and origin = ? and change_type = ?"
                + " and table_name = ? and transaction_id = ? and ts >= ? and ts < ? order by id desc limit 50 offset 0)");
        assertThat(query.parameters()).containsExactly("alice", "user", "UPDATE", "vpc", 7L, Timestamp.from(NINE),
                Timestamp.from(TEN));
    }

    @Test
    void aHostileActorStaysAParameter() {
        AuditQuery query = new AuditQuery(AuditFilter.none().withActor("x' or 1=1 --"));

        assertThat(query.page(0, 10)).doesNotContain("1=1").contains("actor = ?");
        assertThat(query.parameters()).containsExactly("x' or 1=1 --");
    }

    @Test
    void blankPartsMeanAny() {
        AuditQuery query = new AuditQuery(new AuditFilter(" ", "", null, "", null, null, TEN));

        assertThat(query.page(0, 10)).contains("from iasql_audit_log where ts < ? order");
        assertThat(query.parameters()).containsExactly(Timestamp.from(TEN));
    }

    @Test
    void theCountStopsOnePastItsBoundWithTheSameFilter() {
        AuditQuery query = new AuditQuery(AuditFilter.none().withTransaction(3L));

        assertThat(query.boundedCount(10_000)).isEqualTo("select count(*) from (select 1 from iasql_audit_log"
                + " where transaction_id = ? limit 10001) bounded");
    }

    @Test
    void wrongFiltersAndPagesSayWhatIsWrong() {
        assertThatThrownBy(() -> new AuditQuery(new AuditFilter(null, "robot", "TRUNCATE", null, null, TEN, NINE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("user or engine, not 'robot'")
                .hasMessageContaining("no change type 'TRUNCATE'")
                .hasMessageContaining("ends (" + NINE + ") before it starts (" + TEN + ")");
        AuditQuery query = new AuditQuery(AuditFilter.none());
        assertThatThrownBy(() -> query.page(-1, 501)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 500 entries").hasMessageContaining("from 0, not -1");
    }

    @Test
    void aCountSaysWhenItStoppedAtItsBound() {
        assertThat(new AuditCount(1, false).describe()).isEqualTo("1 entry");
        assertThat(new AuditCount(42, false).describe()).isEqualTo("42 entries");
        assertThat(new AuditCount(100_000, true).describe()).isEqualTo("100,000+ entries");
    }
}
