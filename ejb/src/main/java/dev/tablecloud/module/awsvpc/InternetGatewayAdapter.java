package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The internet_gateway table's adapter. A gateway is attached to at most one VPC, its vpc_id;
 * moving it is a detach and an attach of the same gateway, so nothing users set replaces it.
 */
final class InternetGatewayAdapter implements CloudUpdater {

    /** Tags and the attachment both change in place; only the id is the cloud's. */
    static final CloudWrites WRITES = CloudWrites.by(new InternetGatewayAdapter())
            .generated("internet_gateway_id");

    /** Known by the VPC it is attached to; a detached one by its Name tag. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("vpc_id")).orElse(PortableKey.tag("Name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("internet_gateway", "internet_gateway_id",
                ResourceTable.columns("tags", "jsonb"), Map.of("vpc_id", "vpc"),
                InternetGatewayAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeInternetGateways", () -> aws.client(Ec2Client.class, region).describeInternetGatewaysPaginator()
                .internetGateways().stream()
                .map(gateway -> resource(gateway, region))
                .toList());
    }

    /** Creates the gateway, then attaches it: a crash in between leaves a tagged gateway that an update attaches. */
    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        InternetGateway gateway = aws.call("ec2", "CreateInternetGateway", () -> aws.client(Ec2Client.class, row.region())
                .createInternetGateway(r -> r
                        .tagSpecifications(Ec2Tags.onCreate(ResourceType.INTERNET_GATEWAY, row, "tags"))))
                .internetGateway();
        if (row.parent("vpc_id") != null) {
            attach(aws, row.region(), gateway.internetGatewayId(), row.parent("vpc_id"));
        }
        return read(aws, row.region(), gateway.internetGatewayId());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeInternetGateways", () -> aws.client(Ec2Client.class, row.region())
                        .describeInternetGateways(r -> r.filters(Ec2Tags.identityFilter(row))).internetGateways())
                .stream().findFirst().map(gateway -> resource(gateway, row.region()));
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        Ec2Tags.update(aws, row.region(), current.cloudId(), row, "tags", current);
        String attached = attachedVpc(current);
        String wanted = row.parent("vpc_id");
        if (!Objects.equals(attached, wanted)) {
            if (attached != null) {
                detach(aws, row.region(), current.cloudId(), attached);
            }
            if (wanted != null) {
                attach(aws, row.region(), current.cloudId(), wanted);
            }
        }
        return read(aws, row.region(), current.cloudId());
    }

    /** EC2 refuses to delete an attached gateway: it is detached first. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String attached = attachedVpc(current);
        if (attached != null) {
            detach(aws, current.region(), current.cloudId(), attached);
        }
        aws.delete("ec2", "DeleteInternetGateway", () -> aws.client(Ec2Client.class, current.region())
                .deleteInternetGateway(r -> r.internetGatewayId(current.cloudId())));
    }

    private static void attach(AwsSession aws, String region, String gatewayId, String vpcId) {
        aws.call("ec2", "AttachInternetGateway", () -> aws.client(Ec2Client.class, region)
                .attachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId)));
    }

    /** A gateway (or VPC) that is gone, or a gateway no longer attached, is detached already. */
    private static void detach(AwsSession aws, String region, String gatewayId, String vpcId) {
        try {
            aws.delete("ec2", "DetachInternetGateway", () -> aws.client(Ec2Client.class, region)
                    .detachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId)));
        } catch (CloudRefusedException e) {
            if (!"Gateway.NotAttached".equals(e.errorCode())) {
                throw e;
            }
        }
        // Routes through a detached gateway become blackholes.
    }

    private static String attachedVpc(CloudResource gateway) {
        ParentRef vpc = gateway.parents().get("vpc_id");
        return vpc == null ? null : vpc.cloudId();
    }

    private static CloudResource read(AwsSession aws, String region, String gatewayId) {
        InternetGateway gateway = aws.call("ec2", "DescribeInternetGateways", () -> aws.client(Ec2Client.class, region)
                .describeInternetGateways(r -> r.internetGatewayIds(gatewayId))).internetGateways().get(0);
        return resource(gateway, region);
    }

    private static CloudResource resource(InternetGateway gateway, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("tags", Ec2Tags.toJson(gateway.tags()));
        Map<String, ParentRef> parents = gateway.attachments().isEmpty() ? Map.of()
                : Map.of("vpc_id", ParentRef.optional("vpc", gateway.attachments().get(0).vpcId()));
        return new CloudResource(gateway.internetGatewayId(), region, values, parents);
    }
}
