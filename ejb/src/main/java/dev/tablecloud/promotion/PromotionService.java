package dev.tablecloud.promotion;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A person's use cases on promotions. Setting one up, resuming or deleting it is for an admin of the
 * target (it writes there on its creator's behalf, on a schedule); its viewers and the source's see
 * it; an author of the target may pause it or run it now.
 */
@Stateless
public class PromotionService {

    static final int MOST_RUNS = 200;

    @Inject
    PromotionStore store;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    @EJB
    PromotionRunner runner;

    public PromotionData create(PromotionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String source = named(request.source(), "source", errors);
        String target = named(request.target(), "target", errors);
        String commit = request.commit() == null || request.commit().isBlank() ? PromotionData.NEXT_WINDOW
                : request.commit().strip();
        if (!commit.equals(PromotionData.NEXT_WINDOW) && !commit.equals(PromotionData.MANUAL)) {
            errors.add(new FieldError("commit", "\"" + commit + "\" is no commit mode: \"" + PromotionData.NEXT_WINDOW
                    + "\" (once approved, the target's next window commits it) or \"" + PromotionData.MANUAL
                    + "\" (a person commits it)."));
        }
        if (source != null && source.equals(target)) {
            errors.add(new FieldError("target", "A promotion goes from one environment to another: give a target"
                    + " other than " + source + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = access.require(target, Role.ADMIN, "set up a promotion into environment '" + target + "'");
        access.require(source, Role.VIEWER, "promote the changes of environment '" + source + "'");
        environments.get(source);
        environments.get(target);
        Instant now = Instant.now();
        PromotionSchedule schedule = PromotionSchedule.of(request, now);
        List<Promotion> existing = store.all();
        existing.stream().filter(promotion -> promotion.source.equals(source) && promotion.target.equals(target))
                .findFirst().ifPresent(same -> {
                    throw new ConflictException("Promotion " + same.id + " already goes from " + source + " to " + target
                            + ": change or delete that one.");
                });
        if (reaches(existing, target, source)) {
            throw new InvalidInputException(List.of(new FieldError("target", "Promotions already lead from " + target
                    + " to " + source + ": one back would replay each change in the environment it came from.")));
        }
        Promotion promotion = new Promotion(schedule, source, target, commit, actor, now);
        store.persist(promotion);
        return promotion.toData(null);
    }

    /** The promotions the caller may see: those from or into an environment they view. */
    public List<PromotionData> list() {
        String caller = access.caller();
        return store.all().stream().filter(promotion -> access.holds(caller, promotion.source, Role.VIEWER)
                || access.holds(caller, promotion.target, Role.VIEWER)).map(this::data).toList();
    }

    public PromotionData get(long id) {
        return data(visible(id));
    }

    /** Its latest runs, newest first. */
    public List<PromotionRunData> runs(long id, int limit) {
        Promotion promotion = visible(id);
        return store.runs(id, Math.max(1, Math.min(limit, MOST_RUNS))).stream().map(run -> run.toData(promotion)).toList();
    }

    public PromotionData pause(long id) {
        Promotion promotion = visible(id);
        access.require(promotion.target, Role.AUTHOR, "pause promotion " + id);
        promotion.paused = true;
        return data(promotion);
    }

    public PromotionData resume(long id) {
        Promotion promotion = visible(id);
        access.require(promotion.target, Role.ADMIN, "resume promotion " + id);
        promotion.paused = false;
        if (promotion.nextRunAt == null || promotion.nextRunAt.isBefore(Instant.now())) {
            // A run missed while paused is not made up for: the schedule goes on from now.
            promotion.nextRunAt = promotion.schedule().nextAfter(Instant.now()).orElse(null);
        }
        return data(promotion);
    }

    public void delete(long id) {
        Promotion promotion = visible(id);
        access.require(promotion.target, Role.ADMIN, "delete promotion " + id);
        store.remove(promotion);
    }

    /** Runs it now, as the job would (a paused promotion too: a person asked). */
    public PromotionRunData runNow(long id) {
        Promotion promotion = visible(id);
        String caller = access.require(promotion.target, Role.AUTHOR, "run promotion " + id);
        return runner.run(id, caller, false);
    }

    private Promotion visible(long id) {
        Promotion promotion = store.find(id).orElseThrow(() -> new NotFoundException("There is no promotion " + id + "."));
        String caller = access.caller();
        if (!access.holds(caller, promotion.source, Role.VIEWER) && !access.holds(caller, promotion.target, Role.VIEWER)) {
            throw new NotFoundException("There is no promotion " + id + ".");
        }
        return promotion;
    }

    private PromotionData data(Promotion promotion) {
        return promotion.toData(store.lastRun(promotion.id).map(run -> run.toData(promotion)).orElse(null));
    }

    private static String named(String name, String field, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(field, "Name the " + field + " environment."));
            return null;
        }
        return name.strip();
    }

    /** Whether promotions already lead, directly or through others, from {@code from} to {@code to}. */
    static boolean reaches(List<Promotion> promotions, String from, String to) {
        Deque<String> next = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String environment = next.pop();
            if (environment.equals(to)) {
                return true;
            }
            if (seen.add(environment)) {
                promotions.stream().filter(promotion -> promotion.source.equals(environment))
                        .forEach(promotion -> next.push(promotion.target));
            }
        }
        return false;
    }
}
