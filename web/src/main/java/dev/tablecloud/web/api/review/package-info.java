/** REST for reviews of an environment's open transaction. */
package dev.tablecloud.web.api.review;
