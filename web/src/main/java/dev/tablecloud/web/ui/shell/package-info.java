/**
 * The frame around every page: side navigation (environments, the reviews waiting for me, users
 * for admins), the signed-in user and sign-out; and the bar of an environment's own pages.
 */
package dev.tablecloud.web.ui.shell;
