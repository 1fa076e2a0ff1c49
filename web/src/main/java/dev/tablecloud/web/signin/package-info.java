/**
 * Who is calling: HTTP Basic credentials on the API, a sign-in form in the UI (remembered in the
 * session), both verified against the users of the control database. Which roles a caller holds is
 * decided by the engine ({@code dev.tablecloud.security}), not here.
 */
package dev.tablecloud.web.signin;
