package dev.tablecloud.sqlconsole;

import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.install.InstallReport;
import dev.tablecloud.install.ModuleService;
import dev.tablecloud.keypair.KeyPairService;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.sqlconsole.SqlRunResult.Column;
import dev.tablecloud.sync.SyncReport;
import dev.tablecloud.sync.SyncService;
import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.review.ReviewService;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.transaction.CommitReport;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Runs users' SQL in an environment database, as the environment's restricted role. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SqlConsoleService {

    private static final Logger LOG = Logger.getLogger(SqlConsoleService.class.getName());

    @EJB
    Access access;

    /** Rows returned per statement; the result says when more existed. */
    public static final int MAX_ROWS = 1000;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    ModuleService modules;

    @EJB
    SyncService sync;

    @EJB
    TransactionService transactions;

    @EJB
    ExportService exports;

    @EJB
    ReviewService reviews;

    @EJB
    KeyPairService keyPairs;

    public SqlRunResult run(String environmentName, String script) {
        String actor = access.require(environmentName, Role.AUTHOR, "run SQL");
        if (script == null || SqlScript.split(script).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("sql", "Give at least one SQL statement.")));
        }
        SqlRunResult result;
        try (Connection connection = databases.openAsUser(environmentName, actor)) {
            result = new SqlRunner(MAX_ROWS, (function, arguments) -> answer(environmentName, function, arguments))
                    .run(connection, script);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environmentName, e);
        }
        try {
            reviews.noticeChanges(environmentName);
        } catch (RuntimeException e) {
            // The rows are changed whatever the review's history says; the next revision records it.
            LOG.warning("Noting changes for the review in '" + environmentName + "' failed: " + e.getMessage());
        }
        return result;
    }

    /** The iasql_* functions, answered with the same session beans as the REST API. */
    private EngineCalls.Answer answer(String environment, String function, List<String> arguments) {
        return switch (function) {
            case "install" -> installed(List.of(modules.install(environment, arguments)));
            case "uninstall" -> {
                modules.uninstall(environment, arguments);
                yield new EngineCalls.Answer(List.of(new Column("module_name", "text")),
                        arguments.stream().map(module -> List.<Object>of(module)).toList());
            }
            case "modules_list" -> new EngineCalls.Answer(
                    List.of(new Column("module_name", "text"), new Column("module_version", "text"),
                            new Column("dependencies", "_text"), new Column("installed", "bool")),
                    modules.list(environment).stream().map(m -> List.<Object>of(m.moduleName(), m.moduleVersion(),
                            m.dependencies(), m.installed())).toList());
            case "sync" -> synced(sync.sync(environment));
            case "begin" -> {
                TransactionData opened = transactions.begin(environment);
                yield new EngineCalls.Answer(List.of(new Column("transaction_id", "int8"),
                        new Column("opened_by", "text"), new Column("opened_at", "timestamptz")),
                        List.of(List.of(opened.id(), opened.openedBy(), opened.openedAt().toString())));
            }
            case "preview" -> new EngineCalls.Answer(List.of(new Column("action", "text"),
                    new Column("table_name", "text"), new Column("id", "text"), new Column("description", "text"),
                    new Column("changes", "text")),
                    transactions.preview(environment).stream().map(row -> List.<Object>of(row.action(),
                            row.tableName(), row.id(), row.description(), String.join("\n", row.changes()))).toList());
            case "commit" -> committed(transactions.commit(environment, null));
            case "sql_for_transaction" -> {
                String id = arguments.get(0);
                yield sqlRows(exports.forTransaction(environment, id.isEmpty() ? null : Long.valueOf(id),
                        argument(arguments, 1)));
            }
            // No moment: from the beginning, as IaSQL's iasql_get_sql_since() has it.
            case "sql_since" -> sqlRows(exports.since(environment, arguments.get(0).isEmpty() ? Instant.EPOCH
                    : Instant.parse(arguments.get(0)), argument(arguments, 1)));
            case "create_review" -> new EngineCalls.Answer(List.of(new Column("markdown", "text")),
                    List.of(List.of(reviews.openWithMarkdown(environment, argument(arguments, 0), argument(arguments, 1)))));
            case "rollback" -> {
                TransactionData ended = transactions.rollback(environment);
                yield new EngineCalls.Answer(List.of(new Column("transaction_id", "int8"), new Column("state", "text")),
                        List.of(List.of(ended.id(), ended.state().name())));
            }
            // IaSQL's columns (its privateKey, unquoted, reads privatekey); a refusal is the statement's error.
            case "key_pair_request" -> new EngineCalls.Answer(List.of(new Column("name", "text"),
                    new Column("status", "text"), new Column("message", "text"), new Column("privatekey", "text")),
                    List.of(List.of(arguments.get(0), "OK", "Generated the keypair successfully",
                            keyPairs.request(environment, arguments.get(0), arguments.get(1)))));
            case "key_pair_import" -> {
                keyPairs.importKey(environment, arguments.get(0), arguments.get(1), arguments.get(2));
                yield new EngineCalls.Answer(List.of(new Column("name", "text"), new Column("status", "text"),
                        new Column("message", "text")),
                        List.of(List.of(arguments.get(0), "OK", "Imported the keypair successfully")));
            }
            default -> throw new InvalidInputException(List.of(new FieldError("sql", "iasql_" + function
                    + " is not a function Tablecloud answers.")));
        };
    }

    /** An optional argument; the SQL functions pass '' for none. */
    private static String argument(List<String> arguments, int index) {
        return arguments.size() > index && !arguments.get(index).isEmpty() ? arguments.get(index) : null;
    }

    /** One row per statement, what the script's comments say first. */
    private static EngineCalls.Answer sqlRows(TransactionSql sql) {
        List<List<Object>> rows = new ArrayList<>();
        sql.comments().forEach(comment -> rows.add(List.of(comment)));
        sql.statements().forEach(statement -> rows.add(List.of(statement)));
        return new EngineCalls.Answer(List.of(new Column("sql", "text")), rows);
    }

    /** A failed commit is an error of the statement, with the cloud's message and what was undone. */
    private static EngineCalls.Answer committed(CommitReport report) {
        if (!report.committed()) {
            throw new CloudRefusedException("Commit failed: " + report.error()
                    + (report.undo().isEmpty() ? "" : " Undone: " + String.join("; ", report.undo()) + ".")
                    + " Transaction " + report.transactionId() + " is open again; its rows are as you left them.",
                    null);
        }
        return new EngineCalls.Answer(List.of(new Column("action", "text"), new Column("table_name", "text"),
                new Column("id", "text"), new Column("description", "text"), new Column("status", "text")),
                report.steps().stream().map(step -> List.<Object>of(step.action(), step.tableName(), step.id(),
                        step.description(), step.status())).toList());
    }

    private static EngineCalls.Answer installed(List<InstallReport> reports) {
        List<List<Object>> rows = new ArrayList<>();
        for (InstallReport report : reports) {
            for (String module : report.installedModules()) {
                var tables = ModuleCatalog.get(module).tables();
                long records = tables.stream()
                        .map(t -> report.imported().changesByTable().get(t.name()))
                        .mapToLong(c -> c == null ? 0 : c.inserted())
                        .sum();
                rows.add(List.of(module, tables.size(), records));
            }
        }
        return new EngineCalls.Answer(List.of(new Column("module_name", "text"),
                new Column("created_table_count", "int4"), new Column("record_count", "int4")), rows);
    }

    private static EngineCalls.Answer synced(SyncReport report) {
        return new EngineCalls.Answer(List.of(new Column("table_name", "text"), new Column("inserted", "int8"),
                new Column("updated", "int8"), new Column("deleted", "int8")),
                report.changesByTable().entrySet().stream().map(e -> List.<Object>of(e.getKey(),
                        e.getValue().inserted(), e.getValue().updated(), e.getValue().deleted())).toList());
    }
}
