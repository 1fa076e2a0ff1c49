package dev.tablecloud.module;

import dev.tablecloud.aws.AwsSession;

import java.util.List;

/**
 * Reads every resource of one type in one region. Batched: one Describe call per page, never one
 * call per resource, so the cost of a read grows with pages, not rows — except for the attributes
 * AWS reports only one resource per call, which {@link #read} fetches for the resources it is
 * told to (see {@link DetailedReads}).
 */
@FunctionalInterface
public interface CloudReader {

    /** Every resource with every column: the per-resource attributes of each resource too. */
    List<CloudResource> readAll(AwsSession aws, String region);

    /**
     * Every resource, with the per-resource attributes only of those {@code detailed} includes. A
     * type whose columns all come from list pages reads the same either way.
     */
    default List<CloudResource> read(AwsSession aws, String region, DetailedReads detailed) {
        return readAll(aws, region);
    }

    /** The reader of a type with attributes AWS reports one resource per call. */
    static CloudReader withPerResourceAttributes(Detailed reader) {
        return new CloudReader() {
            @Override
            public List<CloudResource> readAll(AwsSession aws, String region) {
                return reader.read(aws, region, DetailedReads.ALL);
            }

            @Override
            public List<CloudResource> read(AwsSession aws, String region, DetailedReads detailed) {
                return reader.read(aws, region, detailed);
            }
        };
    }

    /** What such a type's adapter implements. */
    @FunctionalInterface
    interface Detailed {
        List<CloudResource> read(AwsSession aws, String region, DetailedReads detailed);
    }
}
