package dev.tablecloud.cloud;

/** A region of the account, as EC2 DescribeRegions reports it. */
public record RegionData(String name, String endpoint, String optInStatus) {
}
