/**
 * Who may do what (DESIGN §9): users with passwords hashed by Jakarta Security's Pbkdf2PasswordHash, their roles per environment (viewer,
 * author, reviewer, admin), the first admin of a new installation, and the one check every use
 * case makes before it acts. Authentication itself (HTTP Basic for the API, a sign-in form for the
 * UI) lives in the web module and asks {@link dev.tablecloud.security.UserService} to verify.
 */
package dev.tablecloud.security;
