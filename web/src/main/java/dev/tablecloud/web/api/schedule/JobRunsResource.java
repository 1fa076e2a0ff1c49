package dev.tablecloud.web.api.schedule;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Every run of every job, newest first: {@code ?environment=&kind=&outcome=&limit=}. */
@Path("jobs/runs")
@Produces(MediaType.APPLICATION_JSON)
public class JobRunsResource {

    @EJB
    JobRunService runs;

    @GET
    public List<JobRunData> list(@QueryParam("environment") String environment, @QueryParam("kind") String kind,
                                 @QueryParam("outcome") String outcome, @QueryParam("limit") Integer limit) {
        return runs.list(blankToNull(environment), blankToNull(kind), outcome(outcome), limit == null ? 100 : limit);
    }

    private static JobRunOutcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return JobRunOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("outcome", "\"" + outcome + "\" is not an outcome: one of "
                    + String.join(", ", Arrays.stream(JobRunOutcome.values())
                    .map(value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()) + ".")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
