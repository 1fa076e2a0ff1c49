package dev.tablecloud.health;

import dev.tablecloud.controldb.ControlDatabase;
import dev.tablecloud.controldb.ReachabilityProbe;
import dev.tablecloud.jobrun.JobRunService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/** Answers how this server node is doing. */
@Stateless
public class HealthService {

    public static final String HEARTBEAT_JOB = "heartbeat";
    private static final String VERSION = BuildInfo.version();

    @EJB
    ControlDatabase controlDatabase;

    @EJB
    JobRunService jobRuns;

    public HealthReport check() {
        var settings = controlDatabase.settings();
        Optional<String> problem = ReachabilityProbe.problemReaching(settings);
        boolean reachable = problem.isEmpty();
        boolean schemaReady = reachable && controlDatabase.isReady();
        String why = problem.orElse(schemaReady ? null : "the schema is not migrated yet");
        var database = new HealthReport.ControlDatabaseHealth(settings.url(), reachable, schemaReady, why);
        var heartbeat = schemaReady ? jobRuns.lastRun(HEARTBEAT_JOB).orElse(null) : null;
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new HealthReport(schemaReady ? HealthReport.UP : HealthReport.DOWN, VERSION, uptimeSeconds, database,
                heartbeat);
    }
}
