package dev.tablecloud.export;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.mapping.ValueMappings;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.PortableKey;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.SqlNames;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Users' changes, in audit order, as SQL that replays them in another environment database
 * (DESIGN §5). An INSERT lists the row's non-null columns but its serial id, its cloud id and the
 * columns the cloud generates; an UPDATE sets the columns that changed and finds its row by the
 * portable key of the row as it was; a DELETE finds its row the same way. A foreign key becomes a
 * subquery on the parent's portable key, recursively, with the parent as it was at that point of
 * the changes. Consecutive changes to one row are folded: an insert then updates make one insert,
 * an insert then its delete make nothing. A change to a row that has no portable key (or points at
 * a parent that has none) is a {@link Problem}, not a statement.
 *
 * <p>Every value is a literal quoted by PostgreSQL's rules (standard_conforming_strings on), cast
 * where its column is not text ({@code '10.0.0.0/16'::cidr}, {@code '{…}'::jsonb}).
 */
public final class SqlExporter {

    private static final int MAX_DEPTH = 16;
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String INSERT = "INSERT";
    private static final String UPDATE = "UPDATE";
    private static final String DELETE = "DELETE";

    private final Map<String, ResourceTable> tables = new LinkedHashMap<>();

    public SqlExporter(Collection<ResourceTable> tables) {
        tables.forEach(table -> this.tables.put(table.name(), table));
    }

    /** An exporter for the tables of every module Tablecloud knows. */
    public static SqlExporter forCatalog() {
        return new SqlExporter(ModuleCatalog.tablesInDependencyOrder(
                ModuleCatalog.all().stream().map(ModuleDefinition::name).toList()));
    }

    /**
     * @param entries users' INSERT, UPDATE and DELETE entries of the audit log, in id order (other
     *                change types are ignored)
     * @param rows    the rows they point at and do not change
     */
    public ExportResult export(List<AuditEntry> entries, Rows rows) {
        return export(entries, rows, ValueMappings.none());
    }

    /**
     * The same, for a target environment whose mappings rewrite the rows before they become SQL:
     * the values written and the portable keys rows are found by alike.
     */
    public ExportResult export(List<AuditEntry> entries, Rows rows, ValueMappings mappings) {
        List<Problem> problems = new ArrayList<>();
        List<Change> changes = fold(entries, mappings, problems);
        Images images = new Images(rows, entries, tables, mappings);
        List<String> statements = new ArrayList<>();
        for (Change change : changes) {
            try {
                String statement = render(change, images);
                if (statement != null) {
                    statements.add(statement);
                }
            } catch (Unportable e) {
                problems.add(new Problem(change.auditId, change.table.name(), change.rowId(), e.getMessage()));
            }
            images.after(change);
        }
        problems.sort(Comparator.comparingLong(Problem::auditId));
        return new ExportResult(statements, problems, mappings.fired());
    }

    /**
     * One change to one row, possibly several entries folded; {@code before} and {@code after} as
     * mapped for the target, the ids as this environment knows the row (a mapping may rename a
     * bucket, whose name is its id).
     */
    private record Change(long auditId, ResourceTable table, String kind, JsonObject before, JsonObject after,
                          String oldId, String newId) {

        String rowId() {
            return after != null ? newId : oldId;
        }
    }

    private List<Change> fold(List<AuditEntry> entries, ValueMappings mappings, List<Problem> problems) {
        List<Change> changes = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String kind = entry.changeType() == null ? "" : entry.changeType().toUpperCase(Locale.ROOT);
            if (!kind.equals(INSERT) && !kind.equals(UPDATE) && !kind.equals(DELETE)) {
                continue;
            }
            ResourceTable table = tables.get(entry.table());
            if (table == null) {
                problems.add(new Problem(entry.id(), entry.table(), "?",
                        "not a table of a module Tablecloud knows: its changes are not exported"));
                continue;
            }
            JsonObject before = parse(entry.oldJson());
            JsonObject after = parse(entry.newJson());
            Change change = new Change(entry.id(), table, kind, mappings.apply(table, before),
                    mappings.apply(table, after), idOf(table, before), idOf(table, after));
            Change last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            if (last != null && !kind.equals(INSERT) && last.table == table && !last.kind.equals(DELETE)
                    && Objects.equals(last.newId, change.oldId)) {
                changes.remove(changes.size() - 1);
                if (kind.equals(UPDATE)) {
                    changes.add(new Change(last.auditId, table, last.kind, last.before, change.after, last.oldId,
                            change.newId));
                } else if (last.kind.equals(UPDATE)) {
                    changes.add(new Change(last.auditId, table, DELETE, last.before, null, last.oldId, null));
                }
                continue;
            }
            changes.add(change);
        }
        return changes;
    }

    private String render(Change change, Images images) throws Unportable {
        ResourceTable table = change.table;
        String name = identifier(table.name());
        switch (change.kind) {
            case INSERT -> {
                ownKey(table, change.after, images);
                refuseAccountSpecific(table, change.after, null);
                List<String> columns = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (Map.Entry<String, JsonValue> field : change.after.entrySet()) {
                    if (table.setByUsers(field.getKey()) && !isNull(field.getValue())) {
                        columns.add(identifier(field.getKey()));
                        values.add(value(table, field.getKey(), field.getValue(), images, 0));
                    }
                }
                return columns.isEmpty() ? "INSERT INTO " + name + " DEFAULT VALUES;"
                        : "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", values) + ");";
            }
            case UPDATE -> {
                refuseAccountSpecific(table, change.after, change.before);
                List<String> sets = new ArrayList<>();
                for (Map.Entry<String, JsonValue> field : change.after.entrySet()) {
                    String column = field.getKey();
                    JsonValue before = change.before.getOrDefault(column, JsonValue.NULL);
                    if (table.setByUsers(column) && !field.getValue().equals(before)) {
                        sets.add(identifier(column) + " = " + (isNull(field.getValue()) ? "NULL"
                                : value(table, column, field.getValue(), images, 0)));
                    }
                }
                if (sets.isEmpty()) {
                    return null;
                }
                return "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE "
                        + ownKey(table, change.before, images) + ";";
            }
            default -> {
                return "DELETE FROM " + name + " WHERE " + ownKey(table, change.before, images) + ";";
            }
        }
    }

    private String ownKey(ResourceTable table, JsonObject image, Images images) throws Unportable {
        try {
            return conditions(table, image, images, 0);
        } catch (Unportable e) {
            throw new Unportable("no portable key: " + e.getMessage());
        }
    }

    /**
     * A change that writes a cloud id of this account into a column (a route to {@code igw-…}) would
     * name nothing, or something else, in another account: it is reported, not exported.
     * ({@code local}, a route within its VPC, is no id.)
     */
    private static void refuseAccountSpecific(ResourceTable table, JsonObject after, JsonObject before)
            throws Unportable {
        PortableKey key = table.portableKey();
        if (key == null) {
            return;
        }
        for (String column : key.accountSpecific()) {
            JsonValue value = after.get(column);
            boolean written = before == null || !Objects.equals(value, before.get(column));
            if (written && !isNull(value) && !JsonDocuments.text(value).equals("local")) {
                throw new Unportable("its " + column + " is '" + JsonDocuments.text(value) + "', the id of a resource"
                        + " of this account, which another account does not have: make this change there by hand");
            }
        }
    }

    /** The WHERE conditions that find the row of {@code image} by the first portable key it has. */
    private String conditions(ResourceTable table, JsonObject image, Images images, int depth) throws Unportable {
        if (depth > MAX_DEPTH) {
            throw new Unportable("its parents nest deeper than " + MAX_DEPTH);
        }
        PortableKey key = table.portableKey();
        if (key == null) {
            throw new Unportable("the table " + table.name() + " declares none");
        }
        List<String> reasons = new ArrayList<>();
        for (List<PortableKey.Part> alternative : key.alternatives()) {
            try {
                List<String> conditions = new ArrayList<>();
                for (PortableKey.Part part : alternative) {
                    conditions.add(condition(table, part, image, images, depth));
                }
                if (table.regional()) {
                    JsonValue region = image.get("region");
                    if (isNull(region)) {
                        throw new Unportable("it has no region");
                    }
                    conditions.add("region = " + SqlNames.literal(JsonDocuments.text(region)));
                }
                return String.join(" AND ", conditions);
            } catch (Unportable e) {
                reasons.add(e.getMessage());
            }
        }
        throw new Unportable(String.join(", and ", reasons));
    }

    private String condition(ResourceTable table, PortableKey.Part part, JsonObject image, Images images, int depth)
            throws Unportable {
        if (part instanceof PortableKey.JsonText json) {
            JsonValue document = image.get(json.column());
            JsonValue value = document instanceof JsonObject object ? object.get(json.key()) : null;
            if (isNull(value)) {
                throw new Unportable("it has no " + json.column() + "->>'" + json.key() + "'");
            }
            return identifier(json.column()) + "->>" + SqlNames.literal(json.key()) + " = "
                    + SqlNames.literal(JsonDocuments.text(value));
        }
        boolean nullable;
        String column;
        if (part instanceof PortableKey.Column plain) {
            column = plain.name();
            nullable = plain.nullable();
        } else {
            PortableKey.Parent parent = (PortableKey.Parent) part;
            column = parent.column();
            nullable = parent.nullable();
        }
        JsonValue value = image.get(column);
        if (isNull(value)) {
            if (nullable) {
                return identifier(column) + " IS NULL";
            }
            throw new Unportable("it has no " + column);
        }
        return identifier(column) + " = " + value(table, column, value, images, depth);
    }

    /** A column's value as SQL: a literal, or for a foreign key a subquery on the parent's portable key. */
    private String value(ResourceTable table, String column, JsonValue value, Images images, int depth)
            throws Unportable {
        String parentName = table.parentColumns().get(column);
        if (parentName == null) {
            return literal(table.columns().get(column), value);
        }
        ResourceTable parent = tables.get(parentName);
        String parentId = JsonDocuments.text(value);
        JsonObject image = images.image(parentName, parentId);
        if (parent == null || image == null) {
            throw new Unportable("its " + column + " points at " + parentName + " row " + parentId
                    + ", which is not known");
        }
        try {
            return "(SELECT " + identifier(parent.rowIdColumn()) + " FROM " + identifier(parentName) + " WHERE "
                    + conditions(parent, image, images, depth + 1) + ")";
        } catch (Unportable e) {
            throw new Unportable("its " + column + " points at " + parentName + " row " + parentId
                    + ", which has no portable key: " + e.getMessage());
        }
    }

    /** A PostgreSQL literal of {@code value} for a column of {@code type} (null: text). */
    static String literal(String type, JsonValue value) {
        switch (value.getValueType()) {
            case NULL:
                return "NULL";
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case NUMBER:
                return value.toString();
            case STRING:
                String cast = type == null || type.equals("text") ? "" : "::" + type;
                return SqlNames.literal(((JsonString) value).getString()) + cast;
            default:
                return SqlNames.literal(value.toString()) + "::" + ("json".equals(type) ? "json" : "jsonb");
        }
    }

    static String identifier(String name) {
        return PLAIN_IDENTIFIER.matcher(name).matches() ? name : SqlNames.quote(name);
    }

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }


    private static String idOf(ResourceTable table, JsonObject image) {
        return image == null ? null : rowIdOf(table, image);
    }

    private static String rowIdOf(ResourceTable table, JsonObject image) {
        JsonValue id = image.get(table.rowIdColumn());
        return isNull(id) ? "?" : JsonDocuments.text(id);
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        return JsonDocuments.parseObject(json);
    }

    /**
     * Rows as they are at each point of the changes: after the changes rendered so far, else as
     * before the first change to them (their first old image), else as {@link Rows} has them.
     */
    private static final class Images {

        private final Rows rows;
        private final Map<String, ResourceTable> tables;
        private final ValueMappings mappings;
        private final Map<String, JsonObject> current = new HashMap<>();
        private final Map<String, JsonObject> before = new HashMap<>();

        Images(Rows rows, List<AuditEntry> entries, Map<String, ResourceTable> tables, ValueMappings mappings) {
            this.rows = rows;
            this.tables = tables;
            this.mappings = mappings;
            Set<String> seen = new HashSet<>();
            for (AuditEntry entry : entries) {
                ResourceTable table = tables.get(entry.table());
                if (table == null) {
                    continue;
                }
                JsonObject old = parse(entry.oldJson());
                JsonObject now = parse(entry.newJson());
                if (old != null && seen.add(key(table.name(), rowIdOf(table, old)))) {
                    before.put(key(table.name(), rowIdOf(table, old)), mappings.apply(table, old));
                }
                if (now != null) {
                    seen.add(key(table.name(), rowIdOf(table, now)));
                }
            }
        }

        JsonObject image(String table, String rowId) {
            String key = key(table, rowId);
            JsonObject image = current.get(key);
            if (image == null) {
                image = before.get(key);
            }
            if (image == null && tables.containsKey(table)) {
                ResourceTable resourceTable = tables.get(table);
                image = rows.image(table, rowId).map(json -> mappings.apply(resourceTable, parse(json))).orElse(null);
                if (image != null) {
                    before.put(key, image);
                }
            }
            return image;
        }

        void after(Change change) {
            if (change.after != null) {
                current.put(key(change.table.name(), change.newId), change.after);
            } else {
                // A deleted row keeps its last image: a later change that still names it is keyed by it.
                current.put(key(change.table.name(), change.oldId), change.before);
            }
        }

        private static String key(String table, String rowId) {
            return table + '\u0000' + rowId;
        }
    }

    /** Why a row cannot be found in another environment. */
    private static final class Unportable extends Exception {

        Unportable(String reason) {
            super(reason, null, false, false);
        }
    }
}
