package dev.tablecloud.controldb;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the control database schema up to date at start-up. If the database cannot be reached
 * the server still starts: one log line names the URL and the reason, health reports DOWN, and
 * the attempt is repeated until the database answers.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ControlDatabase {

    static final long RETRY_MILLIS = 15_000;
    private static final Logger LOG = Logger.getLogger(ControlDatabase.class.getName());

    /** Non-JTA: migrations commit by themselves. */
    @Resource(lookup = "java:jboss/datasources/TablecloudNonJtaDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    Event<ControlDatabaseReady> readyEvent;

    private final ControlDatabaseSettings settings = ControlDatabaseSettings.fromSystemProperties();
    private volatile boolean ready;
    private volatile boolean unreachableReported;

    @PostConstruct
    void migrateAtStartup() {
        if (!tryMigrate()) {
            retryLater();
        }
    }

    @Timeout
    void retry() {
        if (tryMigrate()) {
            readyEvent.fire(new ControlDatabaseReady());
        } else {
            retryLater();
        }
    }

    /** True once the database answered and its schema is current. */
    public boolean isReady() {
        return ready;
    }

    public ControlDatabaseSettings settings() {
        return settings;
    }

    private boolean tryMigrate() {
        Optional<String> problem = ReachabilityProbe.problemReaching(settings);
        if (problem.isPresent()) {
            if (!unreachableReported) {
                LOG.severe("Control database unreachable at " + settings.url() + ": " + problem.get()
                        + " (retrying every " + RETRY_MILLIS / 1000 + " s; set TABLECLOUD_DB_URL, TABLECLOUD_DB_USER,"
                        + " TABLECLOUD_DB_PASSWORD to point elsewhere)");
                unreachableReported = true;
            }
            return false;
        }
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Control database at " + settings.url() + " is ready (schema version "
                    + Optional.ofNullable(result.targetSchemaVersion).orElse("unchanged") + ")");
            ready = true;
            return true;
        } catch (FlywayException e) {
            LOG.log(Level.SEVERE, "Control database at " + settings.url() + " could not be migrated: " + e.getMessage());
            return false;
        }
    }

    private void retryLater() {
        timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
}
