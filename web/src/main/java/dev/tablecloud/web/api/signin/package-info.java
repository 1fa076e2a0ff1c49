/** REST resource for the record of refused sign-ins (unlocking a user is {@code POST users/{name}/unlock}). */
package dev.tablecloud.web.api.signin;
