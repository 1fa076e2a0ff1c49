package dev.tablecloud.module;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * EC2 tags as the jsonb of the tags column: an object, keys sorted; null when there are none.
 *
 * <p>Tablecloud's own tags (prefix {@code tablecloud:}) are never shown in a row: the identity tag
 * that makes a create repeatable belongs to the engine, not to the user's tags, and must not make a
 * row differ from its resource or travel into another environment with exported SQL.
 */
public final class Ec2Tags {

    /** Carries {@link DesiredResource#identity()} on what a create made. */
    public static final String IDENTITY_TAG = "tablecloud:row";
    private static final String OWN_PREFIX = "tablecloud:";

    private Ec2Tags() {
    }

    public static String toJson(List<Tag> tags) {
        List<Tag> shown = tags == null ? List.of()
                : tags.stream().filter(tag -> !tag.key().startsWith(OWN_PREFIX)).toList();
        if (shown.isEmpty()) {
            return null;
        }
        return shown.stream()
                .sorted(Comparator.comparing(Tag::key))
                .map(tag -> quote(tag.key()) + ": " + quote(tag.value()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * The tags a row's jsonb holds. Values that are not strings are sent as their JSON text; an
     * array or scalar where an object belongs is refused, naming the row.
     */
    public static List<Tag> fromJson(String json, String rowDescription) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonValue parsed = JsonDocuments.parse(json);
        if (!(parsed instanceof JsonObject object)) {
            throw new InvalidInputException(List.of(new FieldError("tags",
                    "The tags of " + rowDescription + " must be a JSON object of key to value, not " + json)));
        }
        List<Tag> tags = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            tags.add(Tag.builder().key(entry.getKey()).value(JsonDocuments.text(entry.getValue())).build());
        }
        return tags;
    }

    /** The row's tags plus its identity tag, to be set by the create call itself. */
    public static TagSpecification onCreate(ResourceType type, DesiredResource row, String tagsColumn) {
        List<Tag> tags = new ArrayList<>(tagsColumn == null ? List.of() : fromJson(row.text(tagsColumn), row.describe()));
        tags.add(Tag.builder().key(IDENTITY_TAG).value(row.identity()).build());
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }

    /**
     * Makes the resource's tags those of the row: one CreateTags for what is new or changed, one
     * DeleteTags for what the row dropped. Tablecloud's own tags are left alone.
     */
    public static void update(AwsSession aws, String region, String resourceId, DesiredResource row, String tagsColumn,
                              CloudResource current) {
        Map<String, String> wanted = asMap(fromJson(row.text(tagsColumn), row.describe()));
        Object currentJson = current.values().get(tagsColumn);
        Map<String, String> present = asMap(fromJson(currentJson == null ? null : currentJson.toString(),
                row.describe()));
        List<Tag> toSet = wanted.entrySet().stream()
                .filter(tag -> !tag.getValue().equals(present.get(tag.getKey())))
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
        List<Tag> toRemove = present.keySet().stream()
                .filter(key -> !wanted.containsKey(key))
                .map(key -> Tag.builder().key(key).build())
                .toList();
        if (!toSet.isEmpty()) {
            aws.call("ec2", "CreateTags", () -> aws.client(Ec2Client.class, region).createTags(r -> r.resources(resourceId).tags(toSet)));
        }
        if (!toRemove.isEmpty()) {
            aws.call("ec2", "DeleteTags", () -> aws.client(Ec2Client.class, region).deleteTags(r -> r.resources(resourceId).tags(toRemove)));
        }
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    /** Finds what a create of this row made, on any Describe call that takes filters. */
    public static Filter identityFilter(DesiredResource row) {
        return Filter.builder().name("tag:" + IDENTITY_TAG).values(row.identity()).build();
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
