package dev.tablecloud.module.awsvpc;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteAdaptersIT {

    private static final String REGION = "us-east-1";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = moto.session(REGION);
    }

    private static ResourceTable table(String name) {
        return AwsVpcModule.definition().table(name);
    }

    private static CloudResource vpc(String rowId, String cidrBlock) {
        return table("vpc").writes().writer().create(aws, AdapterContract.row("vpc", rowId, REGION,
                Map.of("cidr_block", cidrBlock), Map.of()));
    }

    private static CloudResource routeTable(String rowId, CloudResource vpc) {
        return table("route_table").writes().writer().create(aws, AdapterContract.row("route_table", rowId, REGION,
                Map.of(), Map.of("vpc_id", vpc.cloudId())));
    }

    private static CloudResource subnet(String rowId, CloudResource vpc, String cidrBlock) {
        return table("subnet").writes().writer().create(aws, AdapterContract.row("subnet", rowId, REGION,
                Map.of("cidr_block", cidrBlock, "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc.cloudId())));
    }

    /** The row pointing at other parents. */
    private static DesiredResource withParents(DesiredResource row, Map<String, String> parents) {
        return new DesiredResource(row.table(), row.rowId(), row.cloudId(), row.region(), row.values(), parents,
                row.identity());
    }

    private static CloudResource gateway(String rowId, CloudResource vpc) {
        return table("internet_gateway").writes().writer().create(aws, AdapterContract.row("internet_gateway", rowId,
                REGION, Map.of(), vpc == null ? Map.of() : Map.of("vpc_id", vpc.cloudId())));
    }

    /**
     * What createsWhatReadReturns checks, for a resource known by its parents rather than by an
     * identity tag: a retried create finds what the first made, whatever the row's identity.
     */
    private static CloudResource createsKnownByParents(ResourceTable table, DesiredResource row) {
        CloudResource created = table.writes().writer().create(aws, row);
        CloudResource read = new AdapterContract(aws, table).readBack(row.region(), created.cloudId());
        assertThat(table.differingColumns(row, read)).as("columns where the read differs from the row").isEmpty();
        assertThat(table.writes().writer().findCreated(aws, row)).as("the create found again by its parents")
                .map(CloudResource::cloudId).hasValue(created.cloudId());
        return read;
    }

    /** What AdapterContract.updatesInPlace checks, for an update that gives the resource a new id. */
    private static CloudResource updatesInPlace(ResourceTable table, DesiredResource changedRow,
                                                CloudResource current, String... changedColumns) {
        List<String> differing = table.differingColumns(changedRow, current);
        assertThat(differing).as("columns seen as changed").containsExactlyInAnyOrder(changedColumns);
        assertThat(table.needsReplace(differing)).as("needs replace").isFalse();
        CloudResource updated = table.writes().updater().update(aws, changedRow, current);
        CloudResource read = new AdapterContract(aws, table).readBack(changedRow.region(), updated.cloudId());
        assertThat(table.differingColumns(changedRow, read)).as("columns still differing after update").isEmpty();
        return read;
    }

    @Test
    void aWriteInTheSessionMakesTheRouteTablesReadAgain() {
        int before = table("route_table").reader().readAll(aws, REGION).size();

        CloudResource vpc = vpc("1", "10.1.0.0/16");

        assertThat(table("route_table").reader().readAll(aws, REGION)).as("the new VPC's main route table")
                .hasSize(before + 1)
                .anySatisfy(t -> assertThat(t.parents().get("vpc_id").cloudId()).isEqualTo(vpc.cloudId()));
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .anySatisfy(id -> assertThat(id).endsWith("|10.1.0.0/16"));
    }

    @Test
    void routeTableIsCreatedWithItsLocalRouteRetaggedInPlaceReplacedOnItsVpcAndDeleted() {
        CloudResource vpc = vpc("2", "10.2.0.0/16");
        CloudResource other = vpc("3", "10.3.0.0/16");
        AdapterContract contract = new AdapterContract(aws, table("route_table"));
        DesiredResource row = AdapterContract.row("route_table", "1", REGION, Map.of("tags", "{\"Name\": \"public\"}"),
                Map.of("vpc_id", vpc.cloudId()));

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.parents().get("vpc_id").cloudId()).isEqualTo(vpc.cloudId());
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .contains(created.cloudId() + "|10.2.0.0/16");

        CloudResource updated = contract.updatesInPlace(AdapterContract.changed(row, created,
                Map.of("tags", "{\"Name\": \"public\", \"tier\": \"web\"}")), created, "tags");
        assertThat(updated.values()).containsEntry("tags", "{\"Name\": \"public\", \"tier\": \"web\"}");

        contract.needsReplaceFor(withParents(AdapterContract.changed(row, created, Map.of()),
                Map.of("vpc_id", other.cloudId())), updated);
        contract.deletesForGood(updated);
        assertThat(table("route").reader().readAll(aws, REGION)).extracting(CloudResource::cloudId)
                .doesNotContain(created.cloudId() + "|10.2.0.0/16");
    }

    @Test
    void aRouteTableStillAssociatedIsRefusedWithTheCloudsMessage() {
        CloudResource vpc = vpc("6", "10.6.0.0/16");
        CloudResource subnet = subnet("6", vpc, "10.6.1.0/24");
        CloudResource routeTable = routeTable("6", vpc);
        aws.client(Ec2Client.class, REGION).associateRouteTable(r -> r.routeTableId(routeTable.cloudId()).subnetId(subnet.cloudId()));

        assertThatThrownBy(() -> table("route_table").writes().writer().delete(aws, routeTable))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("DeleteRouteTable was refused by " + moto.endpoint())
                .hasMessageContaining(routeTable.cloudId() + "' has dependencies");
    }

    @Test
    void routeIsCreatedRetargetedInPlaceReplacedOnItsDestinationAndDeleted() {
        CloudResource vpc = vpc("4", "10.4.0.0/16");
        CloudResource attached = gateway("4", vpc);
        CloudResource spare = gateway("5", null);
        CloudResource routeTable = routeTable("4", vpc);
        AdapterContract contract = new AdapterContract(aws, table("route"));
        DesiredResource row = AdapterContract.row("route", "1", REGION,
                Map.of("destination", "0.0.0.0/0", "gateway_id", attached.cloudId()),
                Map.of("route_table_id", routeTable.cloudId()));
        assertThat(table("route").writes().writer().findCreated(aws, row)).as("before the create").isEmpty();

        CloudResource created = createsKnownByParents(table("route"), row);
        assertThat(created.cloudId()).isEqualTo(routeTable.cloudId() + "|0.0.0.0/0");
        assertThat(created.values()).containsEntry("state", "active").containsEntry("origin", "CreateRoute");

        CloudResource updated = contract.updatesInPlace(AdapterContract.changed(row, created,
                Map.of("gateway_id", spare.cloudId())), created, "gateway_id");
        assertThat(updated.values()).containsEntry("gateway_id", spare.cloudId());

        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("destination", "192.168.0.0/16")),
                updated);
        contract.deletesForGood(updated);
    }

    @Test
    void anIpv6RouteLeadsToAnEgressOnlyGatewayAsIasqlNamesIt() {
        String vpcId = aws.client(Ec2Client.class, REGION).createVpc(r -> r.cidrBlock("10.13.0.0/16").amazonProvidedIpv6CidrBlock(true))
                .vpc().vpcId();
        String egressOnly = aws.client(Ec2Client.class, REGION).createEgressOnlyInternetGateway(r -> r.vpcId(vpcId))
                .egressOnlyInternetGateway().egressOnlyInternetGatewayId();
        CloudResource routeTable = routeTable("13", new CloudResource(vpcId, REGION, Map.of(), Map.of()));
        DesiredResource row = AdapterContract.row("route", "13", REGION,
                Map.of("destination", "::/0", "egress_only_internet_gateway_id", egressOnly),
                Map.of("route_table_id", routeTable.cloudId()));

        CloudResource created = createsKnownByParents(table("route"), row);

        assertThat(created.cloudId()).isEqualTo(routeTable.cloudId() + "|::/0");
        assertThat(created.values()).containsEntry("egress_only_internet_gateway_id", egressOnly)
                .containsEntry("gateway_id", null);
        assertThatThrownBy(() -> table("route").writes().writer().create(aws, AdapterContract.row("route", "14",
                REGION, Map.of("destination", "::/1", "egress_only_internet_gateway_id", egressOnly,
                        "gateway_id", "igw-0000000000000dead"), Map.of("route_table_id", routeTable.cloudId()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("egress_only_internet_gateway_id");
        new AdapterContract(aws, table("route")).deletesForGood(created);
    }

    @Test
    void theLocalRouteIsFoundButNeverMadeChangedOrDeleted() {
        CloudResource vpc = vpc("5", "10.5.0.0/16");
        CloudResource gateway = gateway("6", vpc);
        CloudResource routeTable = routeTable("5", vpc);
        ResourceTable routes = table("route");
        DesiredResource local = AdapterContract.row("route", "2", REGION,
                Map.of("destination", "10.5.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", routeTable.cloudId()));

        CloudResource found = routes.writes().writer().create(aws, local);
        assertThat(found.cloudId()).isEqualTo(routeTable.cloudId() + "|10.5.0.0/16");
        assertThat(found.values()).containsEntry("origin", "CreateRouteTable");
        assertThat(routes.differingColumns(local, found)).isEmpty();

        assertThatThrownBy(() -> routes.writes().updater().update(aws,
                AdapterContract.changed(local, found, Map.of("gateway_id", gateway.cloudId())), found))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route row 2 (" + found.cloudId() + ")")
                .hasMessageContaining("local route");

        routes.writes().writer().delete(aws, found);
        assertThat(new AdapterContract(aws, routes).readBack(REGION, found.cloudId()).values())
                .containsEntry("gateway_id", "local");

        DesiredResource elsewhere = AdapterContract.row("route", "3", REGION,
                Map.of("destination", "10.9.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", routeTable.cloudId()));
        assertThatThrownBy(() -> routes.writes().writer().create(aws, elsewhere))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route row 3")
                .hasMessageContaining("no local route to 10.9.0.0/16");
    }

    @Test
    void aRouteLeadsToExactlyOneTargetAndToOneTheCloudKnows() {
        CloudResource vpc = vpc("7", "10.7.0.0/16");
        CloudResource routeTable = routeTable("7", vpc);
        ResourceTable routes = table("route");
        DesiredResource nowhere = AdapterContract.row("route", "4", REGION, Map.of("destination", "0.0.0.0/0"),
                Map.of("route_table_id", routeTable.cloudId()));
        assertThatThrownBy(() -> routes.writes().writer().create(aws, nowhere))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route row 4")
                .hasMessageContaining("none is set");

        DesiredResource unknown = AdapterContract.row("route", "5", REGION,
                Map.of("destination", "0.0.0.0/0", "gateway_id", "igw-0000000000000dead"),
                Map.of("route_table_id", routeTable.cloudId()));
        assertThatThrownBy(() -> routes.writes().writer().create(aws, unknown))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("CreateRoute was refused by " + moto.endpoint())
                .hasMessageContaining("igw-0000000000000dead");
        assertThat(routes.writes().writer().findCreated(aws, unknown)).isEmpty();
    }

    @Test
    void subnetAssociationIsCreatedMovedInPlaceReplacedOnItsSubnetAndRemoved() {
        CloudResource vpc = vpc("8", "10.8.0.0/16");
        CloudResource subnet = subnet("8", vpc, "10.8.1.0/24");
        CloudResource otherSubnet = subnet("9", vpc, "10.8.2.0/24");
        CloudResource first = routeTable("8", vpc);
        CloudResource second = routeTable("9", vpc);
        ResourceTable associations = table("route_table_association");
        AdapterContract contract = new AdapterContract(aws, associations);
        DesiredResource row = AdapterContract.row("route_table_association", "1", REGION, Map.of("is_main", false),
                Map.of("route_table_id", first.cloudId(), "subnet_id", subnet.cloudId(), "vpc_id", vpc.cloudId()));
        assertThat(associations.writes().writer().findCreated(aws, row)).as("before the create").isEmpty();

        CloudResource created = createsKnownByParents(associations, row);
        assertThat(created.parents().get("subnet_id").cloudId()).isEqualTo(subnet.cloudId());
        assertThat(created.parents().get("vpc_id").cloudId()).as("IaSQL's vpc_id: the route table's VPC")
                .isEqualTo(vpc.cloudId());

        DesiredResource moved = withParents(AdapterContract.changed(row, created, Map.of()),
                Map.of("route_table_id", second.cloudId(), "subnet_id", subnet.cloudId(), "vpc_id", vpc.cloudId()));
        CloudResource updated = updatesInPlace(associations, moved, created, "route_table_id");
        assertThat(updated.parents().get("route_table_id").cloudId()).isEqualTo(second.cloudId());
        assertThat(updated.parents().get("subnet_id").cloudId()).isEqualTo(subnet.cloudId());

        contract.needsReplaceFor(withParents(moved, Map.of("route_table_id", second.cloudId(),
                "subnet_id", otherSubnet.cloudId(), "vpc_id", vpc.cloudId())), updated);
        assertThatThrownBy(() -> associations.writes().updater().update(aws,
                AdapterContract.changed(moved, updated, Map.of("is_main", true)), updated))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route_table_association row 1")
                .hasMessageContaining("main one");
        contract.deletesForGood(updated);
    }

    @Test
    void theMainAssociationMovesToAnotherTableButIsNeverMadeOrRemovedWithoutItsVpc() {
        CloudResource vpc = vpc("10", "10.11.0.0/16");
        CloudResource custom = routeTable("10", vpc);
        ResourceTable associations = table("route_table_association");
        List<String> tablesOfVpc = table("route_table").reader().readAll(aws, REGION).stream()
                .filter(t -> t.parents().get("vpc_id").cloudId().equals(vpc.cloudId()))
                .map(CloudResource::cloudId).toList();
        CloudResource main = associations.reader().readAll(aws, REGION).stream()
                .filter(a -> Boolean.TRUE.equals(a.values().get("is_main"))
                        && tablesOfVpc.contains(a.parents().get("route_table_id").cloudId()))
                .findFirst().orElseThrow();
        DesiredResource mainRow = new DesiredResource("route_table_association", "2", main.cloudId(), REGION,
                Map.of("is_main", true), Map.of("route_table_id", main.parents().get("route_table_id").cloudId(),
                        "vpc_id", vpc.cloudId()),
                "test/route_table_association/2");
        assertThat(main.parents().get("vpc_id").cloudId()).as("the main association's VPC, as IaSQL has it")
                .isEqualTo(vpc.cloudId());

        CloudResource moved = updatesInPlace(associations,
                withParents(mainRow, Map.of("route_table_id", custom.cloudId(), "vpc_id", vpc.cloudId())), main,
                "route_table_id");
        assertThat(moved.values()).containsEntry("is_main", true);
        assertThat(moved.parents().get("route_table_id").cloudId()).isEqualTo(custom.cloudId());

        associations.writes().writer().delete(aws, moved);
        new AdapterContract(aws, associations).readBack(REGION, moved.cloudId());

        DesiredResource anotherMain = AdapterContract.row("route_table_association", "3", REGION,
                Map.of("is_main", true), Map.of("route_table_id", custom.cloudId()));
        assertThatThrownBy(() -> associations.writes().writer().create(aws, anotherMain))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("route_table_association row 3")
                .hasMessageContaining("main association");
    }

    @Test
    void anAssociationOfASubnetTheCloudDoesNotKnowIsRefusedWithTheCloudsMessage() {
        CloudResource vpc = vpc("12", "10.12.0.0/16");
        CloudResource routeTable = routeTable("12", vpc);
        DesiredResource row = AdapterContract.row("route_table_association", "4", REGION, Map.of("is_main", false),
                Map.of("route_table_id", routeTable.cloudId(), "subnet_id", "subnet-0000000000000dead"));

        assertThatThrownBy(() -> table("route_table_association").writes().writer().create(aws, row))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("AssociateRouteTable was refused by " + moto.endpoint())
                .hasMessageContaining("subnet-0000000000000dead");
    }
}
