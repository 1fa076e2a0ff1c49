/** Signing in and out of the UI, and the guard that sends anyone not signed in to the sign-in view. */
package dev.tablecloud.web.ui.signin;
