/**
 * The export page of an environment: the portable SQL of a committed transaction or of the
 * changes since a moment, for a target environment whose value mappings apply (those that fired
 * listed, rows without a portable key named), to read, copy or download as a {@code .sql} file;
 * and the environment's own value mappings, which its admins edit.
 */
package dev.tablecloud.web.ui.export;
