/**
 * IaSQL transactions (DESIGN §4): begin, preview, commit, rollback, and the recovery of commits
 * whose server died. The state of each transaction lives in its environment database
 * ({@code iasql_transaction}), where a unique index lets at most one be open and a compare-and-set
 * on its state lets exactly one commit run, whichever server node asks. The database itself
 * refuses users' changes outside an open transaction (the audit trigger).
 */
package dev.tablecloud.transaction;
