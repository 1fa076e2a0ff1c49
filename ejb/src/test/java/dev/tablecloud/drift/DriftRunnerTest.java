package dev.tablecloud.drift;

import dev.tablecloud.sync.SyncReport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftRunnerTest {

    @Test
    void theJobHistorySaysPerTableWhatTheCloudChangedByHand() {
        Map<String, SyncReport.TableChanges> changes = new LinkedHashMap<>();
        changes.put("vpc", new SyncReport.TableChanges(0, 1, 0));
        changes.put("subnet", new SyncReport.TableChanges(2, 0, 1));
        changes.put("route_table", new SyncReport.TableChanges(0, 0, 0));
        assertThat(DriftRunner.found(new SyncReport(4, 2, 1, 1, changes, 10)))
                .isEqualTo("Drift: vpc 1 changed; subnet 2 appeared, 1 vanished.");
        assertThat(DriftRunner.found(new SyncReport(4, 0, 0, 0, Map.of("vpc", new SyncReport.TableChanges(0, 0, 0)), 10)))
                .isEqualTo("No drift.");
    }
}
