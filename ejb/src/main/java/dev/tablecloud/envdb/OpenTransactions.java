package dev.tablecloud.envdb;

import dev.tablecloud.failure.ConflictException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Work that rewrites tables from the cloud (a sync, installing a module) would discard the rows
 * users typed into an open transaction; it waits until the transaction ends.
 */
public final class OpenTransactions {

    private OpenTransactions() {
    }

    public static void refuse(Connection engine, String environment, String action) throws SQLException {
        try (Statement sql = engine.createStatement();
             ResultSet open = sql.executeQuery("select id, state, opened_by from iasql_transaction"
                     + " where state in ('OPEN', 'COMMITTING')")) {
            if (open.next()) {
                throw new ConflictException("Cannot " + action + " in environment '" + environment + "' while transaction "
                        + open.getLong(1) + " (opened by " + open.getString(3) + ") is "
                        + (open.getString(2).equals("OPEN") ? "open: it would discard the rows changed in it."
                        + " Commit or roll back first." : "committing. Try again when the commit has ended."));
            }
        }
    }
}
