package dev.tablecloud.module;

import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** EC2 tags as the jsonb of the tags column: an object, keys sorted; null when there are none. */
public final class Ec2Tags {

    private Ec2Tags() {
    }

    public static String toJson(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        return tags.stream()
                .sorted(Comparator.comparing(Tag::key))
                .map(tag -> quote(tag.key()) + ": " + quote(tag.value()))
                .collect(Collectors.joining(", ", "{", "}"));
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
