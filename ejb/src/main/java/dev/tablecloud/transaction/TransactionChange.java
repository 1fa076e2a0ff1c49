package dev.tablecloud.transaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A user's change to a row of a transaction, from the audit log.
 *
 * @param position the audit log id: the order of changes
 * @param row      how people know the row (its Name tag, a name, a block, or its id)
 */
public record TransactionChange(long position, String actor, Instant at, String changeType, String table, String row) {

    /**
     * How people know a changed row, in SQL over an audit entry's {@code changed} (its new row, or
     * the old one of a delete): its Name tag, a name, a block, or its id.
     */
    public static final String ROW_NAME_SQL = "coalesce(changed->'tags'->>'Name', changed->>'name',"
            + " changed->>'group_name', changed->>'domain_name', changed->>'cidr_block', changed->>'destination',"
            + " 'row ' || (changed->>'id'))";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** "insert vpc 'web' at 10:02:11 UTC" */
    public String describe() {
        return changeType.toLowerCase(Locale.ROOT) + " " + table + " '" + row + "' at " + TIME.format(at);
    }
}
