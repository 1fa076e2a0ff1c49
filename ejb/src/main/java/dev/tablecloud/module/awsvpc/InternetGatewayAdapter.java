package dev.tablecloud.module.awsvpc;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.Ec2Tags;
import software.amazon.awssdk.services.ec2.model.InternetGateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The internet_gateway table's adapter. */
final class InternetGatewayAdapter {

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeInternetGateways", () -> aws.ec2(region).describeInternetGatewaysPaginator()
                .internetGateways().stream()
                .map(gateway -> resource(gateway, region))
                .toList());
    }

    private static CloudResource resource(InternetGateway gateway, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("tags", Ec2Tags.toJson(gateway.tags()));
        Map<String, ParentRef> parents = gateway.attachments().isEmpty() ? Map.of()
                : Map.of("vpc_id", ParentRef.optional("vpc", gateway.attachments().get(0).vpcId()));
        return new CloudResource(gateway.internetGatewayId(), region, values, parents);
    }
}
