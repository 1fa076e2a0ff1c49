/** An environment's drift in the browser: what the cloud changed by hand, old → new, and how often the environment looks. */
package dev.tablecloud.web.ui.drift;
