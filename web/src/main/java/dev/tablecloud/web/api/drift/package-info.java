/** REST for drift: what the cloud changed by hand, and how often each environment looks. */
package dev.tablecloud.web.api.drift;
