/**
 * The REST API under {@code /api/v1}: JSON, one resource class per feature in sub-packages, every
 * error an RFC 9457 problem detail. Resources only call session beans of the engine.
 */
package dev.tablecloud.web.api;
