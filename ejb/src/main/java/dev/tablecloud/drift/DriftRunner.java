package dev.tablecloud.drift;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.jobrun.NodeName;
import dev.tablecloud.sync.SyncReport;
import dev.tablecloud.sync.SyncService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Syncs each environment whose drift schedule is due, for the drift job: claimed by one node, the
 * run and what it found kept in the job history. An environment with a transaction open waits: its
 * rows differ from the cloud on purpose.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DriftRunner {

    public static final String JOB = "drift-sync";
    public static final String NOTHING_DUE = "no drift sync due";
    private static final Logger LOG = Logger.getLogger(DriftRunner.class.getName());

    @EJB
    DriftLog log;

    @EJB
    EnvironmentService environments;

    @EJB
    SyncService sync;

    @EJB
    JobRunService jobRuns;

    public String runDue() {
        String node = NodeName.current();
        List<String> done = new ArrayList<>();
        for (String environment : environments.names()) {
            DriftScheduleData schedule = DriftSchedules.of(log.schedule(environment));
            if (schedule.intervalMinutes() == 0) {
                continue;
            }
            Instant now = Instant.now();
            if (!log.claim(environment, Duration.ofMinutes(schedule.intervalMinutes()), now)) {
                continue;
            }
            done.add(environment + ": " + run(environment, now, node));
        }
        return done.isEmpty() ? NOTHING_DUE : String.join("; ", done);
    }

    private String run(String environment, Instant started, String node) {
        JobRunOutcome outcome;
        String message;
        try {
            SyncReport report = sync.driftSync(environment);
            outcome = JobRunOutcome.SUCCEEDED;
            message = found(report);
        } catch (ConflictException open) {
            outcome = JobRunOutcome.SKIPPED;
            message = "Not synced: " + open.getMessage();
        } catch (RuntimeException e) {
            outcome = JobRunOutcome.FAILED;
            message = "Drift sync failed: " + e.getMessage();
            LOG.warning("Drift sync of '" + environment + "' failed: " + e);
        }
        try {
            jobRuns.record(new JobRunData(JOB, environment, started, Instant.now(), outcome, message, node));
        } catch (RuntimeException e) {
            LOG.warning("Recording the drift sync of '" + environment + "' failed: " + e.getMessage() + " (" + message + ")");
        }
        return message;
    }

    /** "No drift." or "Drift: vpc 1 changed; subnet 1 appeared." */
    static String found(SyncReport report) {
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, SyncReport.TableChanges> table : report.changesByTable().entrySet()) {
            SyncReport.TableChanges changes = table.getValue();
            List<String> kinds = new ArrayList<>();
            if (changes.inserted() > 0) {
                kinds.add(changes.inserted() + " appeared");
            }
            if (changes.updated() > 0) {
                kinds.add(changes.updated() + " changed");
            }
            if (changes.deleted() > 0) {
                kinds.add(changes.deleted() + " vanished");
            }
            if (!kinds.isEmpty()) {
                tables.add(table.getKey() + " " + String.join(", ", kinds));
            }
        }
        return tables.isEmpty() ? "No drift." : "Drift: " + String.join("; ", tables) + ".";
    }
}
