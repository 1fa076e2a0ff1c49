package dev.tablecloud.web.ui.audit;

import dev.tablecloud.audit.AuditFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFiltersTest {

    private final List<AuditFilter> applied = new ArrayList<>();
    private final AuditFilters filters = new AuditFilters(List.of("alice", "bob"), List.of("subnet", "vpc"), applied::add);

    @Test
    void everyFieldNarrowsTheFilterAndAnyMeansNoCondition() {
        filters.actor.setValue("alice");
        filters.origin.setValue("user");
        filters.changeType.setValue("UPDATE");
        filters.table.setValue("vpc");
        filters.transaction.setValue("12");
        filters.from.setValue(LocalDateTime.parse("2026-12-01T09:00"));
        filters.until.setValue(LocalDateTime.parse("2026-12-01T10:30"));

        assertThat(applied.get(applied.size() - 1)).isEqualTo(new AuditFilter("alice", "user", "UPDATE", "vpc", 12L,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:30:00Z")));

        filters.origin.setValue(AuditFilters.ANY);
        filters.actor.clear();
        assertThat(applied.get(applied.size() - 1).origin()).isNull();
        assertThat(applied.get(applied.size() - 1).actor()).isNull();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsMarkedAndNotApplied() {
        filters.from.setValue(LocalDateTime.parse("2026-12-01T10:00"));
        int before = applied.size();
        filters.until.setValue(LocalDateTime.parse("2026-12-01T09:00"));

        assertThat(applied).hasSize(before);
        assertThat(filters.until.isInvalid()).isTrue();
        assertThat(filters.until.getErrorMessage()).contains("after the start");
    }

    @Test
    void aTransactionTooLongForANumberIsMarkedAndNotApplied() {
        filters.transaction.setValue("99999999999999999999999");

        assertThat(applied).isEmpty();
        assertThat(filters.transaction.isInvalid()).isTrue();
    }
}
