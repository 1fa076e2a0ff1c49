package dev.tablecloud.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Starts PostgreSQL for development or tests and keeps it running until the process is stopped.
 *
 * <p>Usage: {@code DevPostgres <port> <data-dir> <ready-file>}. The data directory is kept between
 * runs. Once the database {@code tablecloud} (owner {@code tablecloud}, password {@code tablecloud})
 * accepts connections, its JDBC URL is written to the ready file, so scripts can wait for it.
 */
public final class DevPostgres {

    public static final String DATABASE = "tablecloud";

    private DevPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DevPostgres <port> <data-dir> <ready-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Path readyFile = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(readyFile);
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));

        ensureDatabase(postgres);
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        Files.writeString(readyFile, url + System.lineSeparator());
        System.out.println("PostgreSQL ready at " + url + " (data in " + dataDir + ")");
        stopped.await();
    }

    /**
     * The server's own role may create environment databases and roles for them; in this
     * development database it is a superuser so that extensions such as dblink can be installed.
     */
    static void ensureDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean roleExists = statement.executeQuery("select 1 from pg_roles where rolname = 'tablecloud'").next();
            if (!roleExists) {
                statement.execute("create role tablecloud login superuser password 'tablecloud'");
            }
            boolean databaseExists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'").next();
            if (!databaseExists) {
                statement.execute("create database " + DATABASE + " owner tablecloud");
            }
        }
    }
}
