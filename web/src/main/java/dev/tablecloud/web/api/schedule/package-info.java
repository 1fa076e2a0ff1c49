/** REST for when commits run: commit windows and freezes, the scheduled commit of the open transaction, the job history. */
package dev.tablecloud.web.api.schedule;
