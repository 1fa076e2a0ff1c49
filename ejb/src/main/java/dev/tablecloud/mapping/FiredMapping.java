package dev.tablecloud.mapping;

import java.util.List;

/**
 * A mapping that changed something in an export.
 *
 * @param mapping  the mapping
 * @param rewrites each distinct value it changed, where: {@code bucket.name 'logs-staging' → 'logs-prod'}
 */
public record FiredMapping(MappingData mapping, List<String> rewrites) {
}
