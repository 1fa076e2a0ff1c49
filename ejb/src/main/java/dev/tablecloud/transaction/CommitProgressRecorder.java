package dev.tablecloud.transaction;

import dev.tablecloud.apply.ApplyListener;
import dev.tablecloud.apply.ApplyResult;
import dev.tablecloud.apply.StepOutcome;
import dev.tablecloud.apply.StepStatus;
import dev.tablecloud.apply.UndoOutcome;
import dev.tablecloud.plan.Plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Writes one commit attempt's progress as it goes, on a connection of its own in auto-commit: the
 * commit's own connection holds database transactions of its own (the write-back), and readers on
 * other nodes must see each step the moment it starts or ends. Showing progress never fails a
 * commit: a write that fails is logged, and the recorder stops writing.
 */
final class CommitProgressRecorder implements ApplyListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommitProgressRecorder.class.getName());

    private final Connection connection;
    private final CommitProgressTable table;
    private final long transactionId;
    private final String environment;
    private boolean broken;

    /** @param connection the recorder's own, closed with it; null records nothing (it could not be opened) */
    CommitProgressRecorder(Connection connection, String environment, long transactionId) {
        this.connection = connection;
        this.table = connection == null ? null : new CommitProgressTable(connection);
        this.environment = environment;
        this.transactionId = transactionId;
        this.broken = connection == null;
    }

    void started(String actor, boolean recovered) {
        write(() -> table.start(transactionId, actor, recovered));
    }

    void planned(Plan plan) {
        write(() -> table.planned(transactionId, plan.steps()));
    }

    @Override
    public void stepStarted(int index) {
        write(() -> table.stepStarted(transactionId, index));
    }

    @Override
    public void stepEnded(StepOutcome outcome) {
        write(() -> table.stepEnded(transactionId, outcome));
    }

    @Override
    public void undoing() {
        write(() -> table.state(transactionId, CommitProgressData.State.UNDOING));
    }

    @Override
    public void undone(UndoOutcome outcome) {
        write(() -> table.undone(transactionId, outcome));
    }

    /** The apply ended: steps that were undone (or could not be) are shown as such. */
    void applied(ApplyResult result) {
        for (StepOutcome step : result.steps()) {
            if (step.status() == StepStatus.UNDONE || step.status() == StepStatus.UNDO_FAILED) {
                stepEnded(step);
            }
        }
        if (result.succeeded()) {
            write(() -> table.state(transactionId, CommitProgressData.State.SYNCING));
        } else {
            ended(CommitProgressData.State.FAILED, result.error());
        }
    }

    void ended(CommitProgressData.State state, String error) {
        write(() -> table.ended(transactionId, state, error, null));
    }

    void committed(String syncError) {
        write(() -> table.ended(transactionId, CommitProgressData.State.COMMITTED, null, syncError));
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    private void write(Write write) {
        if (broken) {
            return;
        }
        try {
            write.run();
        } catch (SQLException | RuntimeException e) {
            broken = true;
            LOG.warning("Recording the progress of the commit of transaction " + transactionId + " in '" + environment
                    + "' failed; the commit goes on without it: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.fine("Closing the commit progress connection failed: " + e.getMessage());
        }
    }
}
