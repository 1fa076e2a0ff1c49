package dev.tablecloud.promotion;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Runs a promotion's statements in the target one by one, in one database transaction, and stops at
 * the first that fails or that finds nothing to change. An UPDATE or DELETE that matches no row
 * would otherwise lose the source's change without a word: the row was renamed in the target, or
 * never promoted there.
 */
final class Replay {

    private Replay() {
    }

    sealed interface Result {
        /** Every statement ran and changed what it should. */
        record Applied(int statements) implements Result {
        }

        /**
         * Statement {@code number} (1-based) matched no row; the ones before it are kept, for a person
         * to finish by hand.
         */
        record Conflict(int number, String statement) implements Result {
        }

        /** Statement {@code number} failed with PostgreSQL's {@code error}; nothing is kept. */
        record Failed(int number, String statement, String error) implements Result {
        }
    }

    static Result run(Connection target, List<String> statements) throws SQLException {
        target.setAutoCommit(false);
        try (Statement sql = target.createStatement()) {
            for (int index = 0; index < statements.size(); index++) {
                String statement = statements.get(index);
                int changed;
                try {
                    changed = sql.executeUpdate(statement);
                } catch (SQLException refused) {
                    target.rollback();
                    return new Result.Failed(index + 1, statement, oneLine(refused.getMessage()));
                }
                if (changed == 0 && changesExistingRows(statement)) {
                    target.commit();
                    return new Result.Conflict(index + 1, statement);
                }
            }
            target.commit();
            return new Result.Applied(statements.size());
        } finally {
            target.setAutoCommit(true);
        }
    }

    private static boolean changesExistingRows(String statement) {
        String start = statement.stripLeading().toUpperCase(Locale.ROOT);
        return start.startsWith("UPDATE ") || start.startsWith("DELETE ");
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
