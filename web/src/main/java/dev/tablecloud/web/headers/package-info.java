/**
 * Security headers on every response of the UI and the API: a content security policy, no
 * framing by other sites (clickjacking), no MIME sniffing, no referrer leaking addresses.
 */
package dev.tablecloud.web.headers;
