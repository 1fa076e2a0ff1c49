package dev.tablecloud.export;

import java.util.List;

/**
 * The users' changes of an environment's committed transactions after an audit position, exported.
 *
 * @param after        the position they follow
 * @param upTo         the audit position of the last change; {@code after} when there is none
 * @param transactions the committed transactions they come from, in order, each with who changed it
 */
public record CommittedChanges(TransactionSql sql, long after, long upTo, List<Source> transactions) {

    /** @param actors who changed the transaction's rows, in order of their first change */
    public record Source(long transactionId, List<String> actors) {
    }

    public boolean isEmpty() {
        return transactions.isEmpty();
    }

    public List<Long> transactionIds() {
        return transactions.stream().map(Source::transactionId).toList();
    }

    /** Everyone who changed them, in order of their first change. */
    public List<String> actors() {
        return transactions.stream().flatMap(source -> source.actors().stream()).distinct().toList();
    }
}
