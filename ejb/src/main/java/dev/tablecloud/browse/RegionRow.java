package dev.tablecloud.browse;

/** A row of aws_regions: whether the environment syncs the region, and whether it is the default. */
public record RegionRow(String region, boolean isDefault, boolean isEnabled) {
}
