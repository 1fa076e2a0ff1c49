package dev.tablecloud.module;

import dev.tablecloud.cloud.AwsSession;

import java.util.List;

/**
 * Reads every resource of one type in one region. Batched: one Describe call per page, never one
 * call per resource, so the cost of a read grows with pages, not rows.
 */
@FunctionalInterface
public interface CloudReader {

    List<CloudResource> readAll(AwsSession aws, String region);
}
