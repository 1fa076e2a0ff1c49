/**
 * How the UI reports what the engine refuses or what fails: a notification with the server's own
 * words, never an error page or a stack trace. Views simply call session beans; what those throw
 * ends here.
 */
package dev.tablecloud.web.ui.failure;
