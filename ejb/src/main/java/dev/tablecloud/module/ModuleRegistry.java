package dev.tablecloud.module;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What an environment database says about itself: installed modules, enabled regions. */
public final class ModuleRegistry {

    private ModuleRegistry() {
    }

    public static List<String> installed(Connection connection) throws SQLException {
        return strings(connection, "select name from iasql_module order by installed_at, name");
    }

    /** Regions to sync; empty until aws_account is installed. */
    public static List<String> enabledRegions(Connection connection) throws SQLException {
        if (!installed(connection).contains("aws_account")) {
            return List.of();
        }
        return strings(connection, "select region from aws_regions where is_enabled order by region");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
