package dev.tablecloud.sync;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.ResourceTable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a sync reads and writes. A sync of the environment (and a rollback's, and an install's)
 * covers everything installed: every table, every enabled region, every resource with all its
 * attributes.
 *
 * <p>The sync that ends a commit covers what the commit could have changed: the resources of the
 * rows its transaction touched, and what the cloud made or removed along with the resources the
 * commit made or removed — a new VPC comes with its default security group and main route table,
 * which come with their rules, routes and association; a deleted one takes them along. So it reads
 * the touched tables, and the tables below those where resources were made or removed, in the
 * regions of the touched rows only; it asks AWS one resource at a time only about touched
 * resources the apply did not answer for; and it writes nothing else. A row nobody touched that
 * someone changed by hand in the cloud meanwhile is drift, left to the next sync of the whole
 * environment, as it would be had the commit not run.
 */
public final class SyncScope {

    private static final SyncScope EVERYTHING = new SyncScope(true, Map.of(), Map.of(), Map.of(), Set.of());

    private final boolean everything;
    /** By table, the cloud ids of the resources the commit touched: made, changed, removed or left as they were. */
    private final Map<String, Set<String>> touched;
    /** By table, the cloud ids of those it made or removed: what hangs from them came or went with them. */
    private final Map<String, Set<String>> madeOrRemoved;
    /** By table and cloud id, the resources as the apply's own calls answered after making or changing them. */
    private final Map<String, Map<String, CloudResource>> answered;
    private final Set<String> regions;

    private SyncScope(boolean everything, Map<String, Set<String>> touched, Map<String, Set<String>> madeOrRemoved,
                      Map<String, Map<String, CloudResource>> answered, Set<String> regions) {
        this.everything = everything;
        this.touched = touched;
        this.madeOrRemoved = madeOrRemoved;
        this.answered = answered;
        this.regions = regions;
    }

    public static SyncScope everything() {
        return EVERYTHING;
    }

    /** The scope of a commit's closing sync, resource by resource. */
    public static Builder ofCommit() {
        return new Builder();
    }

    boolean isEverything() {
        return everything;
    }

    /**
     * Of the installed tables (in dependency order, parents first), those to read: the touched
     * ones, and every table below one where a resource was made or removed.
     */
    List<ResourceTable> tables(List<ResourceTable> installed) {
        if (everything) {
            return installed;
        }
        Set<String> read = new HashSet<>(touched.keySet());
        Set<String> carrying = new HashSet<>(madeOrRemoved.keySet());
        for (ResourceTable table : installed) {
            if (table.parentColumns().values().stream().anyMatch(carrying::contains)) {
                read.add(table.name());
                carrying.add(table.name());
            }
        }
        return installed.stream().filter(table -> read.contains(table.name())).toList();
    }

    /** The regions to read regional tables in. */
    List<String> regions(List<String> enabled) {
        return everything ? enabled : List.copyOf(regions);
    }

    /** The resources of the table whose per-resource attributes are read: touched ones the apply did not answer for. */
    DetailedReads detailed(String table) {
        if (everything) {
            return DetailedReads.ALL;
        }
        Set<String> ids = new HashSet<>(touched.getOrDefault(table, Set.of()));
        ids.removeAll(answered.getOrDefault(table, Map.of()).keySet());
        return DetailedReads.of(ids);
    }

    boolean touches(String table, String cloudId) {
        return touched.getOrDefault(table, Set.of()).contains(cloudId);
    }

    boolean makesOrRemoves(String table, String cloudId) {
        return madeOrRemoved.getOrDefault(table, Set.of()).contains(cloudId);
    }

    Optional<CloudResource> answered(String table, String cloudId) {
        return Optional.ofNullable(answered.getOrDefault(table, Map.of()).get(cloudId));
    }

    public static final class Builder {

        private final Map<String, Set<String>> touched = new HashMap<>();
        private final Map<String, Set<String>> madeOrRemoved = new HashMap<>();
        private final Map<String, Map<String, CloudResource>> answered = new HashMap<>();
        private final Set<String> regions = new LinkedHashSet<>();

        private Builder() {
        }

        /** A resource of a touched row, changed in place or left as it was; null (no resource) is ignored. */
        public Builder touched(ResourceTable table, String cloudId, String region) {
            if (cloudId != null) {
                touched.computeIfAbsent(table.name(), t -> new HashSet<>()).add(cloudId);
                if (table.regional()) {
                    regions.add(region);
                }
            }
            return this;
        }

        /** A resource the commit made, or removed. */
        public Builder madeOrRemoved(ResourceTable table, String cloudId, String region) {
            touched(table, cloudId, region);
            if (cloudId != null) {
                madeOrRemoved.computeIfAbsent(table.name(), t -> new HashSet<>()).add(cloudId);
            }
            return this;
        }

        /** A resource as the apply answered after making or changing it. */
        public Builder answered(ResourceTable table, CloudResource resource) {
            touched(table, resource.cloudId(), resource.region());
            answered.computeIfAbsent(table.name(), t -> new HashMap<>()).put(resource.cloudId(), resource);
            return this;
        }

        public SyncScope build() {
            return new SyncScope(false, Map.copyOf(touched), Map.copyOf(madeOrRemoved), Map.copyOf(answered),
                    Set.copyOf(regions));
        }
    }
}
