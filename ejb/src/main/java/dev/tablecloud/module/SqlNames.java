package dev.tablecloud.module;

/** Identifiers and literals in SQL the engine writes itself (DDL cannot take parameters). */
public final class SqlNames {

    private SqlNames() {
    }

    /** A PostgreSQL identifier, always quoted: role and database names may hold hyphens. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A PostgreSQL string literal (standard_conforming_strings is on since 9.1). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
