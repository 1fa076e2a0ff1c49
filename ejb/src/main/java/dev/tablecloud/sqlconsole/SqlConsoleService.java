package dev.tablecloud.sqlconsole;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.ServerSetupException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Runs users' SQL in an environment database, as the environment's restricted role. */
@Stateless
public class SqlConsoleService {

    /** Rows returned per statement; the result says when more existed. */
    public static final int MAX_ROWS = 1000;

    @EJB
    EnvironmentDatabases databases;

    public SqlRunResult run(String environmentName, String script) {
        if (script == null || SqlScript.split(script).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("sql", "Give at least one SQL statement.")));
        }
        try (Connection connection = databases.openAsUser(environmentName)) {
            return new SqlRunner(MAX_ROWS).run(connection, script);
        } catch (SQLException e) {
            throw new ServerSetupException("The database of environment '" + environmentName
                    + "' cannot be reached: " + e.getMessage(), e);
        }
    }
}
