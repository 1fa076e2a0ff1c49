package dev.tablecloud.it;

/**
 * The seed's staging stack as SQL: a VPC with two subnets in two zones, a security group with an
 * HTTPS rule, a key pair, an instance in the first subnet with the group, a bucket, and a hosted
 * zone with a record — 11 resources, four levels deep.
 */
final class SeedStack {

    /** An image moto knows in every region, so that it also accepts it with AMI validation on. */
    static final String AMI = "ami-1e749f67";
    static final String PUBLIC_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH4qm9PVacNxibTB3WkLf7/+kqXL6rXST13cAX+NVC9x ci@tablecloud";

    private SeedStack() {
    }

    /**
     * @param block  the first two octets of the VPC's /16, e.g. {@code 10.80}
     * @param name   what every name starts with: the VPC {@code name}, the group {@code name-web}, the
     *               key pair {@code name-deploy}, the instance {@code name-web-1}, the bucket
     *               {@code name-assets}, the zone {@code name.example.com}
     * @param suffix what every name ends with ({@code -staging}), or nothing
     */
    static String sql(String block, String name, String suffix) {
        return """
                insert into vpc (cidr_block, tags) values ('%1$s.0.0/16', '{"Name": "%2$s%5$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '%1$s.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%2$s%5$s';
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '%1$s.2.0/24', 'us-east-1b' from vpc where tags->>'Name' = '%2$s%5$s';
                insert into security_group (group_name, description, vpc_id)
                    select '%2$s-web%5$s', 'web servers', id from vpc where tags->>'Name' = '%2$s%5$s';
                insert into security_group_rule (security_group_id, is_egress, ip_protocol, from_port, to_port, cidr_ipv4)
                    select id, false, 'tcp', 443, 443, '0.0.0.0/0' from security_group where group_name = '%2$s-web%5$s';
                insert into key_pair (name, public_key) values ('%2$s-deploy%5$s', '%3$s');
                insert into instance (ami, instance_type, key_pair_name, subnet_id, tags)
                    select '%4$s', 't3.micro', '%2$s-deploy%5$s', id, '{"Name": "%2$s-web-1%5$s"}' from subnet
                    where cidr_block = '%1$s.1.0/24';
                insert into instance_security_groups (instance_id, security_group_id)
                    select i.id, g.id from instance i, security_group g
                    where i.tags->>'Name' = '%2$s-web-1%5$s' and g.group_name = '%2$s-web%5$s';
                insert into bucket (name) values ('%2$s-assets%5$s');
                insert into hosted_zone (domain_name) values ('%2$s%5$s.example.com');
                insert into resource_record_set (parent_hosted_zone_id, name, record_type, record, ttl)
                    select id, 'www.%2$s%5$s.example.com', 'A', '%1$s.1.10', 300 from hosted_zone
                    where domain_name like '%2$s%5$s.example.com%%'""".formatted(block, name, PUBLIC_KEY, AMI, suffix);
    }
}
