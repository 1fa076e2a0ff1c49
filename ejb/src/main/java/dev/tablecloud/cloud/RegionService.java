package dev.tablecloud.cloud;

import dev.tablecloud.aws.AwsConnection;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;

import java.util.Comparator;
import java.util.List;

/** Lists the regions an environment's account can see, live from EC2. */
@Stateless
public class RegionService {

    @EJB
    Access access;

    @EJB
    ConnectionService connections;

    public List<RegionData> regions(String environmentName) {
        access.require(environmentName, Role.VIEWER, "list regions");
        AwsConnection connection = connections.connectionFor(environmentName);
        try (var aws = new AwsSession(connection)) {
            return aws.call("ec2", "DescribeRegions", () -> aws.client(Ec2Client.class, connection.region())
                            .describeRegions(DescribeRegionsRequest.builder().allRegions(true).build()))
                    .regions().stream()
                    .map(region -> new RegionData(region.regionName(), region.endpoint(), region.optInStatus()))
                    .sorted(Comparator.comparing(RegionData::name))
                    .toList();
        }
    }
}
