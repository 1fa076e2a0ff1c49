/**
 * The environments page at {@code /environments} (the list and the form that creates one) and an
 * environment's overview at {@code /environments/{name}}: its AWS connection, regions, modules,
 * sync and open transaction.
 */
package dev.tablecloud.web.ui.environment;
