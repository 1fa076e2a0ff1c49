package dev.tablecloud.sync;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
     * @param enabledRegions regions whose regional resources are read
     * @param defaultRegion  where account-wide resources (the region list) are read
     */
    public CloudSnapshot read(List<ResourceTable> tables, List<String> enabledRegions, String defaultRegion) {
        long callsBefore = aws.calls();
        Map<String, List<Future<List<CloudResource>>>> pending = new LinkedHashMap<>();
        for (ResourceTable table : tables) {
            List<String> regions = table.regional() ? enabledRegions : List.of(defaultRegion);
            for (String region : regions) {
                pending.computeIfAbsent(table.name(), t -> new ArrayList<>())
                        .add(executor.submit(() -> table.reader().readAll(aws, region)));
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
