/** {@code POST /api/v1/environments/{name}/sql}: runs a script in the environment database as its restricted role. */
package dev.tablecloud.web.api.sqlconsole;
