package dev.tablecloud.controldb;

/** CDI event: the control database became reachable and its schema is current. */
public record ControlDatabaseReady() {
}
