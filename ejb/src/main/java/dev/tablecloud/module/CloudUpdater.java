package dev.tablecloud.module;

import dev.tablecloud.aws.AwsSession;

/** The write half of an adapter whose resource has columns AWS changes in place (tags, a VPC's DNS settings). */
public interface CloudUpdater extends CloudWriter {

    /**
     * Changes the resource in place so that it matches the row. Only called when the columns that
     * differ can all change in place (none of {@link CloudWrites#replacedOn()}).
     */
    CloudResource update(AwsSession aws, DesiredResource row, CloudResource current);
}
