/** {@code POST /api/v1/environments/{name}/sync}: makes the environment's tables equal to its cloud now. */
package dev.tablecloud.web.api.sync;
