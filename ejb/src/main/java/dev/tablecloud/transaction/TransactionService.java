package dev.tablecloud.transaction;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.sync.SyncService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

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

    public TransactionData begin(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "begin a transaction");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).open(actor));
    }

    /** The transaction not ended, if there is one. */
    public Optional<TransactionData> current(String environment) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).notEnded());
    }

    public TransactionData get(String environment, long id) {
        access.require(environment, Role.VIEWER, "see transactions");
        return withEngine(environment, engine -> new TransactionTable(engine, environment).find(id))
                .orElseThrow(() -> new NotFoundException("Environment '" + environment + "' has no transaction " + id + "."));
    }

    /**
     * Discards the transaction's changes by syncing the tables from the cloud, then ends it. While
     * the sync runs the transaction is held like a commit, so nobody's change slips in between;
     * if the sync fails, the transaction is open again with the error and nothing is lost.
     */
    public TransactionData rollback(String environment) {
        String actor = access.require(environment, Role.AUTHOR, "roll back the transaction");
        String owner = CommitOwner.rollback();
        long id = withEngine(environment, engine -> {
            TransactionTable transactions = new TransactionTable(engine, environment);
            TransactionData open = openOne(transactions, environment);
            if (!transactions.startEnding(open.id(), owner)) {
                throw commitInProgress(environment, open.id());
            }
            return open.id();
        });
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
        return withEngine(environment, engine -> {
            TransactionTable transactions = new TransactionTable(engine, environment);
            transactions.marker("ROLLBACK", id, actor);
            transactions.end(id, TransactionState.ROLLED_BACK, actor);
            return transactions.find(id).orElseThrow();
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
            throw new ServerSetupException("The database of environment '" + environment + "' cannot be reached: "
                    + e.getMessage(), e);
        }
    }
}
