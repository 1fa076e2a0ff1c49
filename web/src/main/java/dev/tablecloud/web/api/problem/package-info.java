/**
 * RFC 9457 problem details: how every failure of the API is written, so that a person reading
 * the response learns what went wrong and a program can tell the kinds apart.
 */
package dev.tablecloud.web.api.problem;
