package dev.tablecloud.transaction;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.sync.SyncScope;
import dev.tablecloud.sync.SyncService;
import jakarta.ejb.EJB;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import dev.tablecloud.apply.ApplyResult;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The use cases of DESIGN §4. Each state change is one statement in the environment database,
 * committed at once (no container transaction): the database, not this bean, decides who wins.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransactionService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    SyncService sync;

    @EJB
    EnvironmentService environments;

    @EJB
    ConnectionService connections;

    @EJB
    CommitGate gate;

    @Inject
    @Any
    Instance<CommitCheck> checks;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** What {@link #recoverStuckCommits()} answers when every commit has a live owner. */
    public static final String NOTHING_STUCK = "no stuck commit";

    /** How long a COMMITTING transaction's owner may stay silent before it counts as dead. */
    static final int OWNER_SILENCE_SECONDS = 30;
    static final int HEARTBEAT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(TransactionService.class.getName());

    public TransactionData begin(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "begin a transaction");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).open(actor));
    }

    /** The transaction not ended, if there is one. */
    public Optional<TransactionData> current(String environment) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).notEnded());
    }

    /**
     * Where a transaction stands, for the engine's own jobs (no signed-in user): a scheduled commit
     * whose server died learns so whether its recovered commit ended committed or open again.
     */
    public Optional<TransactionState> stateOf(String environment, long id) {
        return withEngine(environment, engine -> new TransactionTable(engine, environment).find(id))
                .map(TransactionData::state);
    }

    public TransactionData get(String environment, long id) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).find(id))
                .orElseThrow(() -> new NotFoundException("Environment '" + environment + "' has no transaction " + id + "."));
    }

    /** The cloud actions a commit would take now, reading live only the resource types touched. */
    public List<PreviewRow> preview(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "preview the transaction");
        String defaultRegion = environments.lookup(environment).awsDefaultRegion();
        try (Connection engine = databases.openAsEngine(environment);
             AwsSession aws = new AwsSession(connections.connectionFor(environment), executor)) {
            TransactionTable transactions = new TransactionTable(engine, environment);
            TransactionData open = openOne(transactions, environment);
            Plan plan = new CommitRun(engine, aws, executor, environment, defaultRegion).plan(open.id());
            transactions.marker("PREVIEW", open.id(), actor);
            return plan.steps().stream().map(TransactionService::previewRow).toList();
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /**
     * Takes the transaction's lock (OPEN → COMMITTING, so no other node commits and nobody changes
     * rows meanwhile), makes a fresh plan, has the review gate admit it, applies it, writes cloud ids
     * back, syncs, and ends COMMITTED. If the gate refuses, nothing is applied and the transaction is
     * OPEN again with the reason. If the cloud refuses, what this commit did is undone, the rows stay
     * as typed, and the transaction is OPEN again with the error.
     *
     * @param override an admin's reason to commit without the approvals the policy asks for, or null
     */
    public CommitReport commit(String environment, String override) {
        String actor = access.require(environment, Role.AUTHOR, "commit the transaction");
        String owner = CommitOwner.commit();
        long id = startEnding(environment, owner, null, actor, null);
        return runCommit(environment, id, owner, actor, override, CommitKind.BY_HAND);
    }

    /**
     * The commit a schedule runs, for the user who scheduled it: the same commit as theirs, through
     * the same checks (the review gate against a fresh plan, the windows and freezes), as long as they
     * still hold the author role and the transaction they scheduled is the open one. Called by the
     * scheduled-commit job, which runs without a signed-in user.
     */
    public CommitReport commitScheduled(String environment, long transactionId, String requester) {
        if (!access.holds(requester, environment, Role.AUTHOR)) {
            throw new ForbiddenException(requester + " scheduled the commit of transaction " + transactionId
                    + " but no longer holds the author role in environment '" + environment + "'.");
        }
        String owner = CommitOwner.commit();
        long id = startEnding(environment, owner, null, requester, transactionId);
        return runCommit(environment, id, owner, requester, null, CommitKind.SCHEDULED);
    }

    /**
     * Writes a review's step (REVIEW_OPENED, REVISION, APPROVED, REJECTED) into the transaction's
     * audit log as the caller's, after the review bean's own checks let the caller take it.
     */
    public void recordReviewStep(String environment, long id, String step, long reviewId, Integer revision) {
        String actor = access.require(environment, Role.VIEWER, "see transactions");
        var detail = jakarta.json.Json.createObjectBuilder().add("review", reviewId);
        if (revision != null) {
            detail.add("revision", revision);
        }
        withEngine(environment, engine -> {
            new TransactionTable(engine, environment).marker(step, id, actor, detail.build().toString());
            return null;
        });
    }

    /** The users' changes of a transaction after an audit position (0: from the start), at most {@code limit}. */
    public List<TransactionChange> changesAfter(String environment, long id, long after, int limit) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).changesAfter(id, after, limit));
    }

    /** Where the users' changes of a transaction have come to. */
    public ChangePosition position(String environment, long id) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).position(id));
    }

    /** Everyone who changed the transaction's rows, each with their first change. */
    public List<TransactionChange> authors(String environment, long id) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).firstChangeOfEachAuthor(id));
    }

    /**
     * How the latest commit attempt of the transaction goes or went, from the state the server keeps
     * while it runs: the same for every session and node; 404 when it was never committed.
     */
    public CommitProgressData progress(String environment, long id) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> {
            if (new TransactionTable(engine, environment).find(id).isEmpty()) {
                throw new NotFoundException("Environment '" + environment + "' has no transaction " + id + ".");
            }
            return new CommitProgressTable(engine).find(id).orElseThrow(() -> new NotFoundException(
                    "Transaction " + id + " of environment '" + environment + "' has not been committed yet: "
                            + "no commit progress to show."));
        });
    }

    /** The commit attempt begun last in the environment, running or ended, if there was one. */
    public Optional<CommitProgressData> latestProgress(String environment) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new CommitProgressTable(engine).latest());
    }

    /**
     * Finds commits and rollbacks whose owner stopped beating (its server died) and finishes them:
     * a commit is run again with creates looking first for what the dead run made, so nothing is
     * made twice; a rollback syncs and ends. Called by the recovery job on one node at a time.
     */
    public String recoverStuckCommits() {
        List<String> recovered = new ArrayList<>();
        for (String environment : environments.names()) {
            Optional<TransactionTable.StuckCommit> stuck;
            String owner;
            try (Connection engine = databases.openAsEngine(environment)) {
                TransactionTable transactions = new TransactionTable(engine, environment);
                stuck = transactions.stuck(OWNER_SILENCE_SECONDS);
                if (stuck.isEmpty()) {
                    continue;
                }
                owner = CommitOwner.isRollback(stuck.get().owner()) ? CommitOwner.rollback() : CommitOwner.commit();
                if (!transactions.takeOver(stuck.get().id(), stuck.get().owner(), owner)) {
                    continue;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warning("Looking for stuck commits in environment '" + environment + "' failed: " + e.getMessage());
                continue;
            }
            long id = stuck.get().id();
            try {
                if (CommitOwner.isRollback(owner)) {
                    finishRollback(environment, id, "engine");
                    recovered.add(environment + ": rollback of transaction " + id + " finished");
                } else {
                    CommitReport report = runCommit(environment, id, owner, "engine", null, CommitKind.RECOVERY);
                    recovered.add(environment + ": commit of transaction " + id + (report.committed()
                            ? " finished" : " undone (" + report.error() + "), transaction open again"));
                }
            } catch (RuntimeException e) {
                recovered.add(environment + ": recovering transaction " + id + " failed: " + e.getMessage());
            }
        }
        recovered.forEach(line -> LOG.warning("Recovered a commit whose server stopped: " + line));
        return recovered.isEmpty() ? NOTHING_STUCK : String.join("; ", recovered);
    }

    /** Who set a commit going: a person, a schedule, or the recovery of a commit whose server died. */
    private enum CommitKind {
        BY_HAND, SCHEDULED, RECOVERY
    }

    private CommitReport runCommit(String environment, long id, String owner, String actor, String override,
                                   CommitKind kind) {
        try (CommitProgressRecorder progress = progressRecorder(environment, id)) {
            boolean recovering = kind == CommitKind.RECOVERY;
            progress.started(actor, recovering);
            try {
                return runCommit(environment, id, owner, actor, override, kind, progress);
            } catch (CommitRefused refused) {
                progress.ended(CommitProgressData.State.REFUSED, refused.reason().getMessage());
                throw refused.reason();
            } catch (RuntimeException e) {
                progress.ended(CommitProgressData.State.FAILED, "Commit failed: " + e.getMessage());
                throw e;
            }
        }
    }

    private CommitReport runCommit(String environment, long id, String owner, String actor, String override,
                                   CommitKind kind, CommitProgressRecorder progress) {
        boolean recovering = kind == CommitKind.RECOVERY;
        String defaultRegion = environments.lookup(environment).awsDefaultRegion();
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(() -> beat(environment, id, owner),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        ApplyResult result;
        SyncScope closingSync;
        try (Connection engine = databases.openAsEngine(environment);
             AwsSession aws = new AwsSession(connections.connectionFor(environment), executor)) {
            TransactionTable transactions = new TransactionTable(engine, environment);
            CommitRun run = new CommitRun(engine, aws, executor, environment, defaultRegion);
            try {
                Plan plan = run.plan(id);
                if (!recovering) {
                    // A recovered commit was admitted before its server died; its plan is the rest of that one.
                    admit(transactions, environment, id, actor, override, kind == CommitKind.SCHEDULED, plan);
                }
                progress.planned(plan);
                result = run.apply(plan, parallelism(), recovering, progress);
                progress.applied(result);
                if (!result.succeeded()) {
                    transactions.reopen(id, result.error());
                    transactions.marker("ERROR", id, actor, errorJson(result.error()));
                    ended(environment, id, actor, CommitGate.TransactionEnd.COMMIT_FAILED, result.error());
                    return report(id, result, null);
                }
                run.writeBack(id, result);
                closingSync = run.closingSync(plan, result);
            } catch (CommitRefused refused) {
                throw refused;
            } catch (SQLException | RuntimeException e) {
                transactions.reopen(id, "Commit failed: " + e.getMessage());
                ended(environment, id, actor, CommitGate.TransactionEnd.COMMIT_FAILED, e.getMessage());
                throw e;
            }
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        } finally {
            heartbeat.cancel(false);
        }
        String syncError = null;
        try {
            sync.sync(environment, closingSync);
        } catch (RuntimeException e) {
            // The cloud has the changes and the rows their ids: the next sync completes the rest.
            syncError = e.getMessage();
        }
        withEngine(environment, engine -> {
            TransactionTable transactions = new TransactionTable(engine, environment);
            transactions.marker("COMMIT_END", id, actor);
            transactions.end(id, TransactionState.COMMITTED, actor);
            return null;
        });
        progress.committed(syncError);
        ended(environment, id, actor, CommitGate.TransactionEnd.COMMITTED, syncError);
        return report(id, result, syncError);
    }

    /** Progress goes on a connection of its own; without one the commit runs all the same, unseen. */
    private CommitProgressRecorder progressRecorder(String environment, long id) {
        Connection own = null;
        try {
            own = databases.openAsEngine(environment);
        } catch (SQLException | RuntimeException e) {
            LOG.warning("No connection to record the progress of the commit of transaction " + id + " in '"
                    + environment + "': " + e.getMessage());
        }
        return new CommitProgressRecorder(own, environment, id);
    }

    /**
     * The gate's admission of this plan, recorded with the transaction and in COMMIT_START; or the
     * transaction OPEN again with the gate's reason, and nothing applied.
     */
    private void admit(TransactionTable transactions, String environment, long id, String actor, String override,
                       boolean scheduled, Plan plan) throws SQLException {
        CommitAdmission admission;
        try {
            CommitGate.CommitRequest request = new CommitGate.CommitRequest(environment, id, actor, override,
                    plan.steps().stream().map(TransactionService::previewRow).toList(), transactions.position(id),
                    scheduled);
            for (CommitCheck check : checks) {
                check.admit(request);
            }
            admission = gate.admit(request);
        } catch (TablecloudException refused) {
            transactions.reopen(id, "Commit refused: " + refused.getMessage());
            ended(environment, id, actor, CommitGate.TransactionEnd.COMMIT_REFUSED, refused.getMessage());
            throw new CommitRefused(refused);
        }
        transactions.recordCommit(id, admission);
        transactions.marker("COMMIT_START", id, actor, admissionJson(admission));
    }

    /** Carries the gate's refusal past the commit's own failure handling, which would reword it. */
    private static final class CommitRefused extends RuntimeException {
        private final TablecloudException reason;

        CommitRefused(TablecloudException reason) {
            super(reason.getMessage(), reason, false, false);
            this.reason = reason;
        }

        TablecloudException reason() {
            return reason;
        }
    }

    private void ended(String environment, long id, String actor, CommitGate.TransactionEnd end, String detail) {
        try {
            gate.ended(environment, id, actor, end, detail);
        } catch (RuntimeException e) {
            LOG.warning("Recording the end of transaction " + id + " of '" + environment + "' with its review failed: "
                    + e.getMessage());
        }
    }

    private static String admissionJson(CommitAdmission admission) {
        var json = jakarta.json.Json.createObjectBuilder().add("hash", admission.hash());
        if (admission.reviewId() != null) {
            json.add("review", admission.reviewId()).add("revision", admission.revision());
        }
        if (admission.override() != null) {
            json.add("override", admission.override());
        }
        return json.build().toString();
    }

    private void beat(String environment, long id, String owner) {
        try (Connection engine = databases.openAsEngine(environment)) {
            new TransactionTable(engine, environment).heartbeat(id, owner);
        } catch (SQLException | RuntimeException e) {
            LOG.warning("Commit heartbeat of transaction " + id + " in '" + environment + "' failed: " + e.getMessage());
        }
    }

    /** Cloud actions run at once in a commit, at most; TABLECLOUD_COMMIT_PARALLELISM. */
    static int parallelism() {
        try {
            return Math.max(1, Integer.parseInt(System.getProperty("tablecloud.commit.parallelism", "8")));
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    private static CommitReport report(long id, ApplyResult result, String syncError) {
        return new CommitReport(id, result.succeeded(), result.error(),
                result.steps().stream().map(step -> new CommitReport.StepReport(step.action().name().toLowerCase(),
                        step.table(), step.rowId(), step.description(), step.status().name(), step.message())).toList(),
                result.undo().stream().map(undo -> (undo.succeeded() ? "" : "FAILED: ") + undo.message()).toList(),
                syncError);
    }

    private static String errorJson(String error) {
        return jakarta.json.Json.createObjectBuilder().add("error", error == null ? "" : error).build().toString();
    }

    private static PreviewRow previewRow(PlanStep step) {
        return new PreviewRow(step.action().name().toLowerCase(), step.table(), step.rowId(), step.description(),
                step.changes().stream().map(change -> change.column() + ": " + change.oldValue() + " → "
                        + change.newValue()).toList());
    }

    /**
     * Discards the transaction's changes by syncing the tables from the cloud, then ends it. While
     * the sync runs the transaction is held like a commit, so nobody's change slips in between;
     * if the sync fails, the transaction is open again with the error and nothing is lost.
     */
    public TransactionData rollback(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "roll back the transaction");
        String owner = CommitOwner.rollback();
        long id = startEnding(environment, owner, null, actor, null);
        return finishRollback(environment, id, actor);
    }

    TransactionData finishRollback(String environment, long id, String actor) {
        try {
            sync.sync(environment, List.of(), engine -> { });
        } catch (RuntimeException e) {
            withEngine(environment, engine -> {
                new TransactionTable(engine, environment).reopen(id, "Rollback failed: " + e.getMessage());
                return null;
            });
            throw e;
        }
        TransactionData ended = withEngine(environment, engine -> {
            TransactionTable transactions = new TransactionTable(engine, environment);
            transactions.marker("ROLLBACK", id, actor);
            transactions.end(id, TransactionState.ROLLED_BACK, actor);
            return transactions.find(id).orElseThrow();
        });
        ended(environment, id, actor, CommitGate.TransactionEnd.ROLLED_BACK, null);
        return ended;
    }

    /** OPEN → COMMITTING for this owner, or 409; the marker (if any) records who started it. */
    /** @param expected the transaction that must be the open one, or null for whichever is */
    private long startEnding(String environment, String owner, String marker, String actor, Long expected) {
        return withEngine(environment, engine -> {
            TransactionTable transactions = new TransactionTable(engine, environment);
            TransactionData open = expected == null ? openOne(transactions, environment)
                    : expectedOpen(transactions, environment, expected);
            if (!transactions.startEnding(open.id(), owner)) {
                throw commitInProgress(environment, open.id());
            }
            if (marker != null) {
                transactions.marker(marker, open.id(), actor);
            }
            return open.id();
        });
    }

    static TransactionData openOne(TransactionTable transactions, String environment) throws SQLException {
        TransactionData current = transactions.notEnded().orElseThrow(() -> new ConflictException(
                "No transaction is open in environment '" + environment + "': call iasql_begin() first."));
        if (current.state() == TransactionState.COMMITTING) {
            throw commitInProgress(environment, current.id());
        }
        return current;
    }

    private static TransactionData expectedOpen(TransactionTable transactions, String environment, long expected)
            throws SQLException {
        Optional<TransactionData> current = transactions.notEnded();
        if (current.isEmpty() || current.get().id() != expected) {
            throw new TransactionEndedException("Transaction " + expected + " of environment '" + environment
                    + "' is no longer open" + current.map(other -> ": transaction " + other.id() + " is.").orElse("."));
        }
        if (current.get().state() == TransactionState.COMMITTING) {
            throw commitInProgress(environment, expected);
        }
        return current.get();
    }

    static ConflictException commitInProgress(String environment, long id) {
        return new ConflictException("Commit in progress: transaction " + id + " of environment '" + environment
                + "' is being committed or rolled back.");
    }

    @FunctionalInterface
    interface EngineWork<T> {
        T apply(Connection engine) throws SQLException;
    }

    <T> T withEngine(String environment, EngineWork<T> work) {
        try (Connection engine = databases.openAsEngine(environment)) {
            return work.apply(engine);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }
}
