/** The environments page at {@code /}: the list, and the form that creates one. */
package dev.tablecloud.web.ui.environment;
