package dev.tablecloud.module.awss3;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsaccount.AwsAccountModule;

import java.util.List;
import java.util.Map;

/**
 * aws_s3. One ListBuckets page lists the buckets of every region; their policies and tags cost a
 * call per bucket (see {@link BucketAdapter}).
 */
public final class AwsS3Module {

    public static final String NAME = "aws_s3";

    private AwsS3Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsAccountModule.NAME), List.of(
                BucketAdapter.DECLARATION),
                List.of("bucket_policy_document()"));
    }
}
