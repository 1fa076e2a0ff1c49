/**
 * IaSQL transactions (DESIGN §4): begin, preview, commit, rollback, and the recovery of commits
 * whose server died. The state of each transaction lives in its environment database
 * ({@code iasql_transaction}), where a unique index lets at most one be open and a compare-and-set
 * on its state lets exactly one commit run, whichever server node asks. The database itself
 * refuses users' changes outside an open transaction (the audit trigger). Each commit attempt's
 * progress (steps as they start and end, the undo) is kept there too ({@code iasql_commit_progress}),
 * so that every session and node reads the same while it runs.
 */
package dev.tablecloud.transaction;
