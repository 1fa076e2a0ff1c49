package dev.tablecloud.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log of 100,000 entries on a real PostgreSQL with the platform migrations: filtered
 * pages come from the database newest first, deep pages too, and the count stops at its bound.
 * Prints how long a filtered first page and a deep page took (a figure for the README, not an
 * assertion: the machine is shared).
 */
class AuditLogIT {

    private static final int ENTRIES = 100_000;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void fill() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("create role tc_engine; create role tc_user");
        }
        Flyway.configure(AuditLogIT.class.getClassLoader())
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/environment")
                .table("iasql_platform_version")
                .placeholders(Map.of("engine_role", "tc_engine", "engine_role_name", "tc_engine", "user_role", "tc_user"))
                .load().migrate();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
            // One entry in a hundred is alice's; a transaction every thousand entries; the clock one
            // second per entry from 2026-01-01.
            sql.execute("""
                    insert into iasql_audit_log (ts, actor, origin, change_type, table_name, old, new, transaction_id)
                    select timestamptz '2026-01-01 00:00:00+00' + n * interval '1 second',
                           case when n % 100 = 0 then 'alice' when n % 7 = 0 then 'engine' else 'bob' end,
                           case when n % 7 = 0 and n % 100 <> 0 then 'engine' else 'user' end,
                           case when n % 7 = 0 and n % 100 <> 0 then 'SYNC' when n % 3 = 0 then 'INSERT' else 'UPDATE' end,
                           case when n % 2 = 0 then 'vpc' else 'subnet' end,
                           case when n % 3 = 0 then null else jsonb_build_object('id', n, 'cidr_block', '10.0.0.0/16') end,
                           jsonb_build_object('id', n, 'cidr_block', '10.' || (n % 250) || '.0.0/16'),
                           n / 1000 + 1
                    from generate_series(1, ENTRIES) n""".replace("ENTRIES", String.valueOf(ENTRIES)));
            sql.execute("vacuum analyze iasql_audit_log");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aFilteredFirstPageAndADeepPageComeFromTheDatabaseNewestFirst() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            AuditLogReader reader = new AuditLogReader(c);
            AuditFilter alicesUpdatesOfVpcs = new AuditFilter("alice", "user", "UPDATE", "vpc", null, null, null);

            // Once untimed: the first statements of a connection pay for its caches.
            reader.page(alicesUpdatesOfVpcs, 0, 100);
            reader.page(AuditFilter.none(), ENTRIES / 2, 100);
            long started = System.nanoTime();
            List<AuditLogEntry> first = reader.page(alicesUpdatesOfVpcs, 0, 100);
            long firstPage = System.nanoTime() - started;
            started = System.nanoTime();
            List<AuditLogEntry> deep = reader.page(AuditFilter.none(), ENTRIES - 200, 100);
            long deepPage = System.nanoTime() - started;
            started = System.nanoTime();
            AuditCount all = reader.count(AuditFilter.none(), AuditLogService.COUNT_BOUND);
            long counted = System.nanoTime() - started;

            System.out.printf("audit log of %,d entries: filtered first page %.1f ms, page at offset %,d %.1f ms,"
                            + " bounded count %.1f ms%n", ENTRIES, firstPage / 1e6, ENTRIES - 200, deepPage / 1e6,
                    counted / 1e6);
            // alice has entries n = 100, 200 … ; updates are those not divisible by 3, of vpc the even ones.
            assertThat(first).hasSize(100).allSatisfy(entry -> {
                assertThat(entry.actor()).isEqualTo("alice");
                assertThat(entry.changeType()).isEqualTo("UPDATE");
                assertThat(entry.table()).isEqualTo("vpc");
            });
            assertThat(first).extracting(AuditLogEntry::id).startsWith((long) ENTRIES, ENTRIES - 200L)
                    .isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(first.get(0).changes()).as("an update that changed nothing").isEmpty();
            assertThat(first.get(1).changes()).containsExactly(new ColumnChange("cidr_block", "10.0.0.0/16", "10.50.0.0/16"));
            assertThat(deep).extracting(AuditLogEntry::id).startsWith(200L, 199L).endsWith(101L);
            assertThat(all).isEqualTo(new AuditCount(ENTRIES, false));
        }
    }

    @Test
    void aTimeRangeAndATransactionNarrowThePageAndTheCount() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            AuditLogReader reader = new AuditLogReader(c);
            Instant from = Instant.parse("2026-01-01T00:00:10Z");
            AuditFilter tenSeconds = new AuditFilter(null, null, null, null, null, from, from.plusSeconds(10));

            assertThat(reader.page(tenSeconds, 0, 100)).extracting(AuditLogEntry::id)
                    .containsExactly(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L);
            assertThat(reader.count(AuditFilter.none().withTransaction(5L), 10_000))
                    .isEqualTo(new AuditCount(1000, false));
            assertThat(reader.count(AuditFilter.none(), 1000)).isEqualTo(new AuditCount(1000, true));
            assertThat(reader.actors()).containsExactly("alice", "bob", "engine");
        }
    }
}
