/**
 * The promotions page: the promotions from one environment into another, setting one up, running,
 * pausing or deleting it, and each run's outcome with its review, its script and why it stopped.
 */
package dev.tablecloud.web.ui.promotion;
