/**
 * Who is calling: HTTP Basic credentials or a personal API token (Bearer) on the API, a sign-in
 * form in the UI (remembered in the session with a stamp of the password, so a password change
 * ends it), all verified against the control database through the engine's sign-in limits
 * ({@code dev.tablecloud.signin}) and tokens ({@code dev.tablecloud.token}). Which roles a caller
 * holds is decided by the engine ({@code dev.tablecloud.security}), not here.
 */
package dev.tablecloud.web.signin;
