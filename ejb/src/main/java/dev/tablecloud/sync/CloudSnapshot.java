package dev.tablecloud.sync;

import dev.tablecloud.module.CloudResource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one read of the cloud found: per table, the resources, and the regions that were read
 * (only rows of those regions may be judged vanished).
 */
public record CloudSnapshot(Map<String, List<CloudResource>> resourcesByTable, Set<String> regionsRead,
                            long apiCalls) {
}
