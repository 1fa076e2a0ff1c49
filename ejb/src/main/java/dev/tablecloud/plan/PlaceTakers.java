package dev.tablecloud.plan;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.PortableKey;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new row that takes the place of a deleted one — the same table, region and portable key: a
 * key pair deleted and made again under its name, a subnet on the block of a deleted one — is
 * created only after the old resource is deleted. AWS refuses a second key pair of one name, a
 * group name taken in its VPC, a subnet on a block still in use. (Rows are told apart by their
 * portable keys, the identity they keep across environments, so that a replayed promotion that
 * deletes and re-inserts is ordered the same way.)
 */
final class PlaceTakers {

    private PlaceTakers() {
    }

    static void waitForTheRowsTheyReplace(List<DraftStep> steps) {
        Map<List<Object>, List<DraftStep>> deletesByPlace = new HashMap<>();
        steps.stream().filter(step -> step.action == Action.DELETE && step.row != null).forEach(delete ->
                place(delete).ifPresent(place ->
                        deletesByPlace.computeIfAbsent(place, ignored -> new ArrayList<>()).add(delete)));
        if (deletesByPlace.isEmpty()) {
            return;
        }
        steps.stream().filter(step -> step.action == Action.CREATE).forEach(create ->
                place(create).map(deletesByPlace::get).orElse(List.of()).stream()
                        .filter(delete -> !delete.waitsFor(create))
                        .forEach(create.dependsOn::add));
    }

    /** Table, region and portable key of the step's row; empty for a row without a key. */
    private static Optional<List<Object>> place(DraftStep step) {
        return identity(step).map(key -> Arrays.asList(step.table.name(), step.row.region(), key));
    }

    /** The values of the first alternative of the table's portable key that the row has. */
    private static Optional<List<Object>> identity(DraftStep step) {
        PortableKey key = step.table.portableKey();
        if (key == null) {
            return Optional.empty();
        }
        for (List<PortableKey.Part> alternative : key.alternatives()) {
            List<Object> values = new ArrayList<>();
            for (PortableKey.Part part : alternative) {
                Object value = value(step.row, part);
                if (value == null && !nullable(part)) {
                    values = null;
                    break;
                }
                values.add(value);
            }
            if (values != null) {
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    private static Object value(RowState row, PortableKey.Part part) {
        if (part instanceof PortableKey.Column column) {
            return row.values().get(column.name());
        }
        if (part instanceof PortableKey.Parent parent) {
            return row.parents().get(parent.column());
        }
        PortableKey.JsonText json = (PortableKey.JsonText) part;
        return jsonText(row.values().get(json.column()), json.key());
    }

    private static boolean nullable(PortableKey.Part part) {
        return part instanceof PortableKey.Column column ? column.nullable()
                : part instanceof PortableKey.Parent parent && parent.nullable();
    }

    private static String jsonText(Object document, String key) {
        if (document == null) {
            return null;
        }
        try {
            return JsonDocuments.parse(document.toString()) instanceof JsonObject object
                    && object.get(key) instanceof JsonString text ? text.getString() : null;
        } catch (JsonException notJson) {
            return null;
        }
    }
}
