package dev.tablecloud.drift;

import dev.tablecloud.transaction.PreviewRow;

import java.util.List;

/**
 * The transaction that puts drifted rows back, opened and changed, for review like any other.
 *
 * @param reverted what was put back, one row each ("update vpc 'web': tags")
 * @param preview  the cloud actions its commit would take
 */
public record DriftReverted(long transactionId, List<String> reverted, List<PreviewRow> preview) {
}
