package dev.tablecloud.module;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which resources a read asks about one at a time, for the attributes AWS reports only one
 * resource per call (a VPC's DNS settings, an instance's user data, a bucket's policy and tags).
 * Those calls cost a request per resource, so a read that needs them for a few resources (a plan
 * compares only the rows its transaction touched) names those few. A resource left out comes back
 * without those columns (absent, not null), and a sync keeps what its row holds for them.
 */
@FunctionalInterface
public interface DetailedReads {

    /** Every resource, as a sync of the whole account reads them. */
    DetailedReads ALL = cloudId -> true;

    /** None: list pages only. */
    DetailedReads NONE = cloudId -> false;

    boolean includes(String cloudId);

    /** The resources of these cloud ids (nulls, rows not created yet, are ignored). */
    static DetailedReads of(Collection<String> cloudIds) {
        Set<String> named = cloudIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        return named.isEmpty() ? NONE : named::contains;
    }
}
