/**
 * When commits run, in the browser: an environment's commit windows and freezes with what they mean
 * now, its scheduled commit and its job runs; and the job history of every environment one may see.
 */
package dev.tablecloud.web.ui.schedule;
