package dev.tablecloud.review;

import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.transaction.ChangePosition;
import dev.tablecloud.transaction.PreviewRow;

import java.util.List;

/** A transaction as a revision freezes it: the users' changes so far, the plan and SQL of them, and their hash. */
record Frozen(ChangePosition position, List<PreviewRow> plan, TransactionSql sql, String hash) {

    String sqlScript() {
        return sql.script();
    }
}
