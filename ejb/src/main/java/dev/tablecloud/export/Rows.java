package dev.tablecloud.export;

import java.util.Optional;

/**
 * Rows the exported changes point at without changing them (the VPC of an inserted subnet): their
 * images as the environment database holds them now, or as the audit log last recorded them.
 */
@FunctionalInterface
public interface Rows {

    /** The row of {@code table} whose primary key is {@code rowId}, as jsonb text; empty if unknown. */
    Optional<String> image(String table, String rowId);

    /** No rows beyond the exported changes. */
    static Rows none() {
        return (table, rowId) -> Optional.empty();
    }
}
