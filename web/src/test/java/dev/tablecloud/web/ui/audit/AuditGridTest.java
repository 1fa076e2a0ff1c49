package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.data.provider.Query;
import dev.tablecloud.audit.AuditCount;
import dev.tablecloud.audit.AuditFilter;
import dev.tablecloud.audit.AuditLogEntry;
import dev.tablecloud.audit.ColumnChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditGridTest {

    private final List<String> asked = new ArrayList<>();
    private final List<AuditLogEntry> log = List.of(
            entry(3, "alice", "UPDATE", List.of(new ColumnChange("cidr_block", "10.0.0.0/16", "10.1.0.0/16"))),
            entry(2, "bob", "INSERT", List.of(new ColumnChange("id", null, "1"))),
            entry(1, "alice", "BEGIN", List.of()));

    private final AuditGrid grid = new AuditGrid(new AuditGrid.Source() {
        @Override
        public List<AuditLogEntry> page(AuditFilter filter, int offset, int limit) {
            asked.add("page " + filter.actor() + " " + offset + "+" + limit);
            return log.stream().filter(e -> filter.actor() == null || e.actor().equals(filter.actor()))
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public AuditCount count(AuditFilter filter) {
            asked.add("count " + filter.actor());
            return new AuditCount(log.stream().filter(e -> filter.actor() == null || e.actor().equals(filter.actor()))
                    .count(), false);
        }
    });

    @Test
    void theFilterGoesToTheSourceWithEachPageAndTheCountIsAskedOncePerFilter() {
        grid.filter(AuditFilter.none().withActor("alice"));

        List<AuditLogEntry> shown = grid.getDataProvider().fetch(new Query<>(0, 50, List.of(), null, null)).toList();

        assertThat(shown).extracting(AuditLogEntry::id).containsExactly(3L, 1L);
        assertThat(grid.count().describe()).isEqualTo("2 entries");
        assertThat(asked).containsExactly("count null", "count alice", "page alice 0+50");
    }

    @Test
    void anEntrySummarisesItsChangedColumnsAndItsDetailsShowOldAndNew() {
        assertThat(EntryChanges.summary(log.get(0))).isEqualTo("1 column: cidr_block");
        assertThat(EntryChanges.summary(log.get(2))).isEmpty();

        assertThat(new EntryChanges(log.get(0)).getElement().getTextRecursively())
                .isEqualTo("cidr_block: 10.0.0.0/16 → 10.1.0.0/16");
        assertThat(new EntryChanges(log.get(1)).getElement().getTextRecursively()).isEqualTo("id: 1");
        assertThat(new EntryChanges(log.get(2)).getElement().getTextRecursively())
                .contains("BEGIN").contains("no row changed");
    }

    private static AuditLogEntry entry(long id, String actor, String type, List<ColumnChange> changes) {
        return new AuditLogEntry(id, Instant.parse("2026-12-01T09:00:00Z").plusSeconds(id), actor, "user", type,
                type.equals("BEGIN") ? null : "vpc", 7L, changes);
    }
}
