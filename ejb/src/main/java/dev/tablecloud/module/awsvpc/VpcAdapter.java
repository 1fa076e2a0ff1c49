package dev.tablecloud.module.awsvpc;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The vpc table's adapter. The two DNS attributes are the one place where a read costs a call per
 * VPC: EC2 reports them only through DescribeVpcAttribute, one attribute of one VPC per call, and
 * without them a sync could neither see drift in them nor a commit tell whether they need changing.
 * A read asks for them only for the VPCs it is told to (a plan: those its transaction touched).
 */
final class VpcAdapter implements CloudUpdater {

    /** A VPC's block is fixed for its life; everything else changes in place. */
    static final CloudWrites WRITES = CloudWrites.by(new VpcAdapter())
            .generated("vpc_id", "state", "is_default")
            .replacedOn("cidr_block")
            // VPCs may share a block: the new one is made before the old one's subnets move to it, and
            // the old one is deleted last, once nothing is left in it (DeleteVpc refuses until then).
            .withNewBesideOld();

    /** Known by its Name tag, else by its CIDR block. */
    static final PortableKey KEY = PortableKey.of(PortableKey.tag("Name")).orElse(PortableKey.column("cidr_block"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("vpc", "vpc_id",
                ResourceTable.columns("cidr_block", "cidr", "state", "text", "is_default", "boolean", "tags",
                        "jsonb", "enable_dns_support", "boolean", "enable_dns_hostnames", "boolean"),
                Map.of(), CloudReader.withPerResourceAttributes(VpcAdapter::read))
                .writtenBy(WRITES)
                .withPortableKey(KEY);

    /** What AWS sets on a VPC it creates (not a default VPC, whose hostnames are on). */
    private static final boolean AWS_DNS_SUPPORT = true;
    private static final boolean AWS_DNS_HOSTNAMES = false;

    /** The DNS attributes of the VPCs {@code detailed} includes; the others come as DescribeVpcs lists them. */
    static List<CloudResource> read(AwsSession aws, String region, DetailedReads detailed) {
        List<Vpc> vpcs = aws.call("ec2", "DescribeVpcs", () -> aws.client(Ec2Client.class, region).describeVpcsPaginator().vpcs()
                .stream().toList());
        return aws.perResource(vpcs, vpc -> detailed.includes(vpc.vpcId()), vpc -> resource(aws, region, vpc),
                vpc -> listed(region, vpc));
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        Vpc vpc = aws.call("ec2", "CreateVpc", () -> aws.client(Ec2Client.class, row.region()).createVpc(r -> r
                .cidrBlock(row.text("cidr_block"))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.VPC, row, "tags")))).vpc();
        setDnsAttributes(aws, row, vpc.vpcId(), AWS_DNS_SUPPORT, AWS_DNS_HOSTNAMES);
        // The attributes are now the row's (or AWS's defaults): no read back, which costs three calls.
        return resource(row.region(), vpc, orDefault(row.bool("enable_dns_support"), AWS_DNS_SUPPORT),
                orDefault(row.bool("enable_dns_hostnames"), AWS_DNS_HOSTNAMES));
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeVpcs", () -> aws.client(Ec2Client.class, row.region())
                        .describeVpcs(r -> r.filters(Ec2Tags.identityFilter(row))).vpcs())
                .stream().findFirst().map(vpc -> resource(aws, row.region(), vpc));
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        Ec2Tags.update(aws, row.region(), current.cloudId(), row, "tags", current);
        setDnsAttributes(aws, row, current.cloudId(), current.values().get("enable_dns_support"),
                current.values().get("enable_dns_hostnames"));
        return read(aws, row.region(), current.cloudId());
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("ec2", "DeleteVpc", () -> aws.client(Ec2Client.class, current.region()).deleteVpc(r -> r.vpcId(current.cloudId())));
    }

    /**
     * EC2 takes one attribute per call, and refuses hostnames without DNS support: support is set
     * first when turning on, last when turning off.
     */
    private static void setDnsAttributes(AwsSession aws, DesiredResource row, String vpcId, Object support,
                                         Object hostnames) {
        Boolean wantedSupport = row.bool("enable_dns_support");
        Boolean wantedHostnames = row.bool("enable_dns_hostnames");
        boolean changeSupport = wantedSupport != null && !Objects.equals(wantedSupport, support);
        boolean changeHostnames = wantedHostnames != null && !Objects.equals(wantedHostnames, hostnames);
        if (changeSupport && wantedSupport) {
            modify(aws, row.region(), vpcId, "enable_dns_support", true);
        }
        if (changeHostnames) {
            modify(aws, row.region(), vpcId, "enable_dns_hostnames", wantedHostnames);
        }
        if (changeSupport && !wantedSupport) {
            modify(aws, row.region(), vpcId, "enable_dns_support", false);
        }
    }

    private static void modify(AwsSession aws, String region, String vpcId, String column, boolean value) {
        aws.call("ec2", "ModifyVpcAttribute", () -> aws.client(Ec2Client.class, region).modifyVpcAttribute(r -> {
            r.vpcId(vpcId);
            if (column.equals("enable_dns_support")) {
                r.enableDnsSupport(v -> v.value(value));
            } else {
                r.enableDnsHostnames(v -> v.value(value));
            }
        }));
    }

    private static CloudResource read(AwsSession aws, String region, String vpcId) {
        Vpc vpc = aws.call("ec2", "DescribeVpcs", () -> aws.client(Ec2Client.class, region).describeVpcs(r -> r.vpcIds(vpcId)))
                .vpcs().get(0);
        return resource(aws, region, vpc);
    }

    private static CloudResource resource(AwsSession aws, String region, Vpc vpc) {
        return resource(region, vpc, attribute(aws, region, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_SUPPORT),
                attribute(aws, region, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_HOSTNAMES));
    }

    private static Boolean orDefault(Boolean value, boolean awsDefault) {
        return value != null ? value : awsDefault;
    }

    private static CloudResource resource(String region, Vpc vpc, Boolean dnsSupport, Boolean dnsHostnames) {
        return listed(region, vpc).with("enable_dns_support", dnsSupport).with("enable_dns_hostnames", dnsHostnames);
    }

    /** What DescribeVpcs tells: all but the DNS attributes. */
    private static CloudResource listed(String region, Vpc vpc) {
        Map<String, Object> values = new HashMap<>();
        values.put("cidr_block", vpc.cidrBlock());
        values.put("state", vpc.stateAsString());
        values.put("is_default", vpc.isDefault());
        values.put("tags", Ec2Tags.toJson(vpc.tags()));
        return new CloudResource(vpc.vpcId(), region, values, Map.of());
    }

    private static Boolean attribute(AwsSession aws, String region, String vpcId, VpcAttributeName name) {
        var answer = aws.call("ec2", "DescribeVpcAttribute", () -> aws.client(Ec2Client.class, region)
                .describeVpcAttribute(r -> r.vpcId(vpcId).attribute(name)));
        var value = name == VpcAttributeName.ENABLE_DNS_SUPPORT ? answer.enableDnsSupport()
                : answer.enableDnsHostnames();
        return value == null ? null : value.value();
    }
}
