import com.sun.management.ThreadMXBean;
import dev.tablecloud.export.AuditLogExport;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.mapping.ValueMappings;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The export of one transaction, in this JVM, over JDBC: the same code the server runs for
 * GET …/transactions/{id}/sql, without HTTP. Prints time (after warm-up runs), the bytes the
 * export allocates, and the heap its result keeps.
 *
 * <p>Arguments: JDBC URL of the environment database, user, password, environment name, transaction
 * id, measured runs.
 */
public final class ExportBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long transactionId = Long.parseLong(args[4]);
        int runs = Integer.parseInt(args[5]);
        try (Connection engine = DriverManager.getConnection(url, args[1], args[2])) {
            actAsOwner(engine);
            AuditLogExport export = new AuditLogExport(engine, args[3]);
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

            for (int i = 0; i < 2; i++) {
                export.transaction(transactionId, null, ValueMappings.none());
            }
            long[] millis = new long[runs];
            long allocated = 0;
            for (int i = 0; i < runs; i++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                export.transaction(transactionId, null, ValueMappings.none());
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
            }
            Arrays.sort(millis);

            settle(memory);
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            TransactionSql kept = export.transaction(transactionId, null, ValueMappings.none());
            settle(memory);
            long retained = memory.getHeapMemoryUsage().getUsed() - heapBefore;
            long auditRows = auditRows(engine, transactionId);

            System.out.printf("%,9d audit rows -> %,9d statements: export %,6d ms median (min %,d, max %,d, %d runs),"
                            + " allocates %,d MB (%,d bytes a row), result keeps %,d MB of heap%n",
                    auditRows, kept.statements().size(), millis[runs / 2], millis[0], millis[runs - 1], runs,
                    allocated >> 20, allocated / Math.max(auditRows, 1), Math.max(retained, 0) >> 20);
        }
    }

    /** The server reads as the database's owner, the engine role; so does the benchmark. */
    private static void actAsOwner(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet owner = statement.executeQuery(
                     "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
            owner.next();
            statement.execute("set role \"" + owner.getString(1).replace("\"", "\"\"") + "\"");
        }
    }

    private static long auditRows(Connection connection, long transactionId) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from iasql_audit_log where transaction_id = "
                     + transactionId + " and change_type in ('INSERT', 'UPDATE', 'DELETE')")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void settle(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(50);
        }
    }
}
