package dev.tablecloud.plan;

/** What a plan step does to one resource. */
public enum Action {
    /** Makes the resource a row asks for; the cloud id and generated columns are written back. */
    CREATE,
    /** Changes the resource in place. */
    UPDATE,
    /** Deletes the resource and makes it anew: a column changed that AWS cannot change in place. */
    REPLACE,
    /** Deletes the resource of a row users deleted. */
    DELETE
}
