/** REST resource for personal API tokens (create, list, revoke). */
package dev.tablecloud.web.api.token;
