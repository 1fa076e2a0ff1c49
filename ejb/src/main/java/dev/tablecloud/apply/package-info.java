/**
 * Carrying out a plan against the cloud (DESIGN §4, the cloud half of {@code iasql_commit()}):
 * steps run as a graph, each as soon as the steps it depends on succeeded, a bounded number at a
 * time; a create repeated after a crash adopts what the interrupted attempt made. At the first
 * failure no new step starts, the running ones finish, and what the commit changed in the cloud is
 * undone in reverse order, best effort, every undo reported.
 *
 * <p>Owns the outcome of each step and the cloud resources to write back into the rows. Plain Java:
 * the callers hold the lock, write the results back and sync; this package touches no database.
 */
package dev.tablecloud.apply;
