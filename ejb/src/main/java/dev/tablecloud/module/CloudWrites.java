package dev.tablecloud.module;

import java.util.Set;

/**
 * How users' rows of one table reach the cloud.
 *
 * @param writer         the write half of the adapter
 * @param generated      columns the cloud fills (ids, ARNs, state, counts): never compared, never
 *                       sent, written back after a create
 * @param replacedOn     columns AWS cannot change in place: a change to one of them replaces the
 *                       resource (delete, then create)
 * @param chosenByCloud  columns a row may leave null for the cloud to choose (the default VPC of a
 *                       security group, the default subnet of an instance): null there matches any
 *                       value, and the cloud's choice is written back
 */
public record CloudWrites(CloudWriter writer, Set<String> generated, Set<String> replacedOn,
                          Set<String> chosenByCloud) {

    public CloudWrites {
        generated = Set.copyOf(generated);
        replacedOn = Set.copyOf(replacedOn);
        chosenByCloud = Set.copyOf(chosenByCloud);
    }

    public static CloudWrites by(CloudWriter writer) {
        return new CloudWrites(writer, Set.of(), Set.of(), Set.of());
    }

    public CloudWrites generated(String... columns) {
        return new CloudWrites(writer, Set.of(columns), replacedOn, chosenByCloud);
    }

    public CloudWrites replacedOn(String... columns) {
        return new CloudWrites(writer, generated, Set.of(columns), chosenByCloud);
    }

    public CloudWrites chosenByCloud(String... columns) {
        return new CloudWrites(writer, generated, replacedOn, Set.of(columns));
    }
}
