/** REST resources for users and their roles. */
package dev.tablecloud.web.api.user;
