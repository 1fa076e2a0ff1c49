/** REST for an environment's webhooks and the record of their deliveries. */
package dev.tablecloud.web.api.webhook;
