package dev.tablecloud.envdb;

import dev.tablecloud.secret.Digests;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application user a session acts for, signed with the environment database's engine secret,
 * in the form the audit trigger's {@code iasql_actor()} checks: {@code name:sha256(secret:name:secret)}.
 * A user can set the setting, but not sign another name.
 */
public final class ActorSignature {

    private ActorSignature() {
    }

    public static String signed(String secret, String actor) {
        return actor + ":" + Digests.sha256Hex(secret + ":" + actor + ":" + secret);
    }

    /** The secret, read by the engine, which alone may. */
    public static String secret(Connection engine) throws SQLException {
        try (Statement sql = engine.createStatement();
             ResultSet result = sql.executeQuery("select secret from iasql_engine_secret")) {
            if (!result.next()) {
                throw new SQLException("iasql_engine_secret is empty");
            }
            return result.getString(1);
        }
    }
}
