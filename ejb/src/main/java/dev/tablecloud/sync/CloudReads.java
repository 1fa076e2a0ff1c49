package dev.tablecloud.sync;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.RowState;
import dev.tablecloud.plan.TableChanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads the cloud for a set of tables: one task per resource type and region, run in parallel
 * because they are independent. Nothing is written here; the first failure fails the whole read.
 */
public final class CloudReads {

    private final AwsSession aws;
    private final ExecutorService executor;

    public CloudReads(AwsSession aws, ExecutorService executor) {
        this.aws = aws;
        this.executor = executor;
    }

    /**
     * The cloud a plan of these changes compares them with: the list pages of the tables they touch,
     * in the regions of their rows, with the attributes AWS reports one resource per call only for
     * the resources the rows hold the cloud ids of (see {@link TableChanges#cloudIds()}).
     *
     * @return by table name
     */
    public Map<String, List<CloudResource>> readFor(List<TableChanges> changes, String defaultRegion) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        Set<String> regions = new LinkedHashSet<>();
        Map<String, DetailedReads> detailed = new HashMap<>();
        for (TableChanges change : changes) {
            change.touchedRows().stream().map(RowState::region).forEach(regions::add);
            change.deletedRows().stream().map(RowState::region).forEach(regions::add);
            detailed.put(change.table().name(), DetailedReads.of(change.cloudIds()));
        }
        List<ResourceTable> tables = changes.stream().map(TableChanges::table).toList();
        return read(tables, List.copyOf(regions), defaultRegion, detailed::get).resourcesByTable();
    }

    /**
     * Every resource of the tables, each with all its attributes.
     *
     * @param enabledRegions regions whose regional resources are read
     * @param defaultRegion  where account-wide resources (the region list) are read
     */
    public CloudSnapshot read(List<ResourceTable> tables, List<String> enabledRegions, String defaultRegion) {
        return read(tables, enabledRegions, defaultRegion, table -> DetailedReads.ALL);
    }

    /**
     * Every resource of the tables, with the attributes AWS reports one resource per call only for
     * those {@code detailedByTable} names for each table.
     */
    public CloudSnapshot read(List<ResourceTable> tables, List<String> enabledRegions, String defaultRegion,
                              Function<String, DetailedReads> detailedByTable) {
        long callsBefore = aws.calls();
        Map<String, List<Future<List<CloudResource>>>> pending = new LinkedHashMap<>();
        for (ResourceTable table : tables) {
            List<String> regions = table.regional() ? enabledRegions : List.of(defaultRegion);
            DetailedReads detailed = detailedByTable.apply(table.name());
            for (String region : regions) {
                pending.computeIfAbsent(table.name(), t -> new ArrayList<>())
                        .add(executor.submit(() -> table.reader().read(aws, region, detailed)));
            }
        }
        Map<String, List<CloudResource>> resources = new LinkedHashMap<>();
        try {
            for (var entry : pending.entrySet()) {
                List<CloudResource> all = new ArrayList<>();
                for (Future<List<CloudResource>> read : entry.getValue()) {
                    all.addAll(read.get());
                }
                resources.put(entry.getKey(), all);
            }
        } catch (ExecutionException e) {
            pending.values().forEach(futures -> futures.forEach(f -> f.cancel(true)));
            if (e.getCause() instanceof TablecloudException failure) {
                throw failure;
            }
            throw new IllegalStateException("Reading the cloud failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reading the cloud was interrupted", e);
        }
        return new CloudSnapshot(resources, new LinkedHashSet<>(enabledRegions), aws.calls() - callsBefore);
    }
}
