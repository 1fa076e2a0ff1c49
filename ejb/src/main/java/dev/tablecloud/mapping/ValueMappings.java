package dev.tablecloud.mapping;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ResourceTable;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A target environment's mappings, applied to rows as the audit log recorded them before they
 * become SQL: the values inserted, the values set, and the values the portable keys look rows up
 * by, so that a row keyed by a mapped name is found under its mapped name. Remembers which
 * mappings fired, for the reviewer.
 *
 * <p>For each value, in this order: the first {@code value} mapping of its column that matches
 * exactly; in cidr and inet columns, else the first {@code cidr} mapping whose block holds
 * it; on {@code region} columns the first region mapping, on {@code availability_zone}
 * columns the first zone mapping, else the zone of a mapped region moves with it
 * ({@code us-east-1a} → {@code eu-west-1a} for {@code us-east-1} → {@code eu-west-1}); then every
 * {@code name} rewrite, in order, on names. Keys, cloud ids (also those of other resources a
 * row names, like a route's gateway), generated columns and foreign keys are never mapped: they
 * are not values another environment shares. A natural key (a bucket's name) is a value like any
 * other.
 */
public final class ValueMappings {

    private static final String TAGS = "tags";
    private static final String NAME_TAG = "Name";
    private static final Pattern ZONE_LETTERS = Pattern.compile("[a-z]+");

    private final List<Rule> rules;
    private final Map<MappingData, Set<String>> fired = new LinkedHashMap<>();

    /** A mapping with what every value is compared against worked out once: its kind, its blocks. */
    private record Rule(MappingData mapping, MappingKind kind, CidrBlock fromBlock, CidrBlock toBlock) {

        static Rule of(MappingData mapping) {
            MappingKind kind = MappingKind.ofLabel(mapping.kind()).orElse(null);
            boolean blocks = kind == MappingKind.CIDR;
            return new Rule(mapping, kind, blocks ? CidrBlock.parse(mapping.from()).orElse(null) : null,
                    blocks ? CidrBlock.parse(mapping.to()).orElse(null) : null);
        }

        String from() {
            return mapping.from();
        }

        String to() {
            return mapping.to();
        }
    }

    public ValueMappings(List<MappingData> mappings) {
        this.rules = mappings.stream().map(Rule::of).toList();
    }

    public static ValueMappings none() {
        return new ValueMappings(List.of());
    }

    /** The row with the mapped values; the same object when nothing matched. */
    public JsonObject apply(ResourceTable table, JsonObject row) {
        if (row == null || rules.isEmpty()) {
            return row;
        }
        JsonObjectBuilder mapped = null;
        for (Map.Entry<String, JsonValue> field : row.entrySet()) {
            String column = field.getKey();
            if (!mappable(table, column)) {
                continue;
            }
            JsonValue value = field.getValue();
            JsonValue result = column.equals(TAGS) && value instanceof JsonObject tags
                    ? nameTagMapped(table, tags) : valueMapped(table, column, value);
            if (result != value) {
                if (mapped == null) {
                    mapped = JsonDocuments.PROVIDER.createObjectBuilder(row);
                }
                mapped.add(column, result);
            }
        }
        return mapped == null ? row : mapped.build();
    }

    /** The mappings that changed something so far, in the order they are kept. */
    public List<FiredMapping> fired() {
        List<FiredMapping> result = new ArrayList<>();
        for (Rule rule : rules) {
            Set<String> rewrites = fired.get(rule.mapping());
            if (rewrites != null) {
                result.add(new FiredMapping(rule.mapping(), List.copyOf(rewrites)));
            }
        }
        return result;
    }

    /** Columns called {@code name} or {@code …_name} hold names (bucket, key pair, group, zone, record). */
    private static boolean isNameColumn(String column) {
        return column.equals("name") || column.endsWith("_name");
    }

    /** Whether a column holds a value another environment shares (not a key, cloud id or generated value). */
    public static boolean mappable(ResourceTable table, String column) {
        if (table.hasNaturalKey() && column.equals(table.rowIdColumn())) {
            return true; // a bucket's name: its key, and the same kind of value in every account
        }
        return (table.columns().containsKey(column) || (table.regional() && column.equals("region")))
                && !column.equals(table.rowIdColumn())
                && !column.equals(table.cloudIdColumn())
                && !table.parentColumns().containsKey(column)
                && (table.portableKey() == null || !table.portableKey().accountSpecific().contains(column))
                && (table.writes() == null || !table.writes().generated().contains(column));
    }

    private JsonValue valueMapped(ResourceTable table, String column, JsonValue value) {
        if (!(value instanceof JsonString) && !(value instanceof JsonNumber)) {
            return value;
        }
        String original = JsonDocuments.text(value);
        String text = original;
        Rule exact = null;
        for (Rule rule : rules) {
            if (rule.kind() == MappingKind.VALUE && column.equals(rule.mapping().column()) && inTable(rule, table)
                    && text.equals(rule.from())) {
                exact = rule;
                break;
            }
        }
        if (exact == null && column.equals("region")) {
            exact = first(MappingKind.REGION, text);
        }
        if (exact == null && column.equals("availability_zone")) {
            exact = first(MappingKind.AVAILABILITY_ZONE, text);
            if (exact == null) {
                text = zoneOfMappedRegion(table, column, text);
            }
        }
        if (exact != null) {
            text = exact.to();
            record(exact, table, column, original, text);
        } else if (isAddressColumn(table, column)) {
            text = blockMoved(table, column, text);
        }
        text = renamed(table, column, text);
        if (text.equals(original)) {
            return value;
        }
        if (value instanceof JsonNumber) {
            try {
                return JsonDocuments.PROVIDER.createValue(new BigDecimal(text));
            } catch (NumberFormatException notANumber) {
                return JsonDocuments.PROVIDER.createValue(text);
            }
        }
        return JsonDocuments.PROVIDER.createValue(text);
    }

    private JsonValue nameTagMapped(ResourceTable table, JsonObject tags) {
        if (!(tags.get(NAME_TAG) instanceof JsonString name)) {
            return tags;
        }
        String renamed = renamed(table, TAGS, name.getString());
        return renamed.equals(name.getString()) ? tags
                : JsonDocuments.PROVIDER.createObjectBuilder(tags).add(NAME_TAG, renamed).build();
    }

    /** Every name rewrite in turn; where a rewrite names a column, only that column. */
    private String renamed(ResourceTable table, String column, String text) {
        for (Rule rule : rules) {
            if (rule.kind() != MappingKind.NAME || !inTable(rule, table)) {
                continue;
            }
            String only = rule.mapping().column();
            boolean applies = only == null ? column.equals(TAGS) || isNameColumn(column) : only.equals(column);
            if (applies && text.contains(rule.from())) {
                String before = text;
                text = text.replace(rule.from(), rule.to());
                record(rule, table, column.equals(TAGS) ? "tags Name" : column, before, text);
            }
        }
        return text;
    }

    private String zoneOfMappedRegion(ResourceTable table, String column, String zone) {
        for (Rule region : rules) {
            if (region.kind() == MappingKind.REGION && zone.startsWith(region.from())
                    && ZONE_LETTERS.matcher(zone.substring(region.from().length())).matches()) {
                String moved = region.to() + zone.substring(region.from().length());
                record(region, table, column, zone, moved);
                return moved;
            }
        }
        return zone;
    }

    private static boolean isAddressColumn(ResourceTable table, String column) {
        String type = table.columns().get(column);
        return "cidr".equals(type) || "inet".equals(type);
    }

    /** The value moved by the first cidr mapping whose block holds it. */
    private String blockMoved(ResourceTable table, String column, String value) {
        Optional<CidrBlock> inside = CidrBlock.parse(value);
        if (inside.isEmpty()) {
            return value;
        }
        for (Rule rule : rules) {
            if (rule.kind() == MappingKind.CIDR && rule.fromBlock() != null && rule.toBlock() != null
                    && rule.fromBlock().contains(inside.get())) {
                String moved = rule.fromBlock().moved(inside.get(), rule.toBlock()).text(value.contains("/"));
                record(rule, table, column, value, moved);
                return moved;
            }
        }
        return value;
    }

    private Rule first(MappingKind kind, String text) {
        return rules.stream().filter(rule -> rule.kind() == kind && text.equals(rule.from())).findFirst().orElse(null);
    }

    private void record(Rule rule, ResourceTable table, String column, String from, String to) {
        fired.computeIfAbsent(rule.mapping(), ignored -> new LinkedHashSet<>())
                .add(table.name() + "." + column + " '" + from + "' → '" + to + "'");
    }

    private static boolean inTable(Rule rule, ResourceTable table) {
        return rule.mapping().table() == null || rule.mapping().table().equals(table.name());
    }

}
