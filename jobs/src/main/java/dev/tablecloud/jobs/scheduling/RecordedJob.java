package dev.tablecloud.jobs.scheduling;

import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import dev.tablecloud.jobrun.NodeName;
import jakarta.ejb.EJB;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * A job whose every run is recorded with its outcome. A failure is logged, recorded and
 * reported to Quartz, never swallowed.
 */
public abstract class RecordedJob implements Job {

    private static final Logger LOG = Logger.getLogger(RecordedJob.class.getName());

    @EJB
    JobRunService jobRuns;

    /** The name under which runs are recorded and the job is scheduled. */
    protected abstract String name();

    /** The job's work: one call into the engine. Returns a short summary for the history. */
    protected abstract String run(JobExecutionContext context) throws Exception;

    /**
     * Whether a successful run goes into the history. A job that runs every few seconds and
     * usually finds nothing to do may keep only the runs that did something; failures are always
     * recorded.
     */
    protected boolean worthRecording(String summary) {
        return true;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant started = Instant.now();
        String node = NodeName.current();
        try {
            String summary = run(context);
            if (worthRecording(summary)) {
                jobRuns.record(new JobRunData(name(), started, Instant.now(), JobRunOutcome.SUCCEEDED, summary, node));
            }
        } catch (Exception e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            LOG.warning("Job " + name() + " failed: " + message);
            jobRuns.record(new JobRunData(name(), started, Instant.now(), JobRunOutcome.FAILED, message, node));
            throw new JobExecutionException(message, e, false);
        }
    }
}
