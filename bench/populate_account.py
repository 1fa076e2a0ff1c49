#!/usr/bin/env python3
"""Fills an emulated AWS account (moto) with about 2,000 resources for bench/sync-bench, then
counts what the account holds, default resources included, in the terms of Tablecloud's tables.

    populate_account.py --endpoint http://127.0.0.1:15101 --region us-east-1 --out counts.json

Prints one line per kind of resource created and writes a JSON file:
    {"seconds": s, "calls": n, "created": {kind: n}, "inMoto": {table: n}}

Expects an empty account: names and CIDR blocks are fixed, so a second run fails on duplicates.
Needs boto3 (the moto virtual environment has it).
"""
import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

VPCS = 20
SUBNETS_PER_VPC = 5
GROUPS_PER_VPC = 20            # 400 security groups
INSTANCES_PER_SUBNET = 2       # 200 instances, launched one run_instances call per subnet
BUCKETS = 50
HOSTED_ZONES = 5
RECORDS_PER_ZONE = 10          # 50 records

# moto answers in milliseconds, so a handful of threads is enough to keep it busy; more would
# only contend for its global interpreter lock.
THREADS = 8


class Account:
    def __init__(self, endpoint, region):
        # Any key works against moto; fixed ones keep a developer's real AWS profile out of it.
        session = boto3.session.Session(aws_access_key_id="bench", aws_secret_access_key="bench",
                                        region_name=region)
        config = Config(retries={"max_attempts": 1}, max_pool_connections=THREADS * 2)
        self.region = region
        self.ec2 = session.client("ec2", endpoint_url=endpoint, config=config)
        self.s3 = session.client("s3", endpoint_url=endpoint, config=config)
        self.route53 = session.client("route53", endpoint_url=endpoint, config=config)
        self.calls = 0
        for client in (self.ec2, self.s3, self.route53):
            client.meta.events.register("before-send", self._count)

    def _count(self, **_):
        self.calls += 1


def in_parallel(function, items):
    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(function, items))


def populate(account, say):
    ec2 = account.ec2
    created = {}

    zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
    # Any image moto knows will do; an Amazon Linux one looks like a real account.
    images = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["amzn*"]}])["Images"] \
        or ec2.describe_images(Owners=["amazon"])["Images"]
    image = images[0]["ImageId"]

    def vpc(i):
        vpc_id = ec2.create_vpc(CidrBlock=f"10.{i}.0.0/16", TagSpecifications=[
            {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": f"bench-vpc-{i:02d}"}]}])["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.{i}.{j}.0/24",
                                     AvailabilityZone=zones[(i + j) % len(zones)])["Subnet"]["SubnetId"]
                   for j in range(SUBNETS_PER_VPC)]
        groups = [ec2.create_security_group(VpcId=vpc_id, GroupName=f"bench-sg-{i:02d}-{g:02d}",
                                            Description=f"bench group {g} of VPC {i}")["GroupId"]
                  for g in range(GROUPS_PER_VPC)]
        return vpc_id, subnets, groups

    vpcs = in_parallel(vpc, range(VPCS))
    created["vpc"] = len(vpcs)
    created["subnet"] = sum(len(s) for _, s, _ in vpcs)
    created["security_group"] = sum(len(g) for _, _, g in vpcs)
    say(f"created {created['vpc']} VPCs, {created['subnet']} subnets, {created['security_group']} security groups")

    # Three ingress rules per group, one of them naming a neighbouring group as its source, so
    # that rules referring to groups (a foreign key within the table) are part of every sync.
    def rules(args):
        groups, g = args
        ec2.authorize_security_group_ingress(GroupId=groups[g], IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
             "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh from the network"}]},
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080,
             "UserIdGroupPairs": [{"GroupId": groups[(g + 1) % len(groups)]}]},
        ])
        return 3

    created["security_group_rule"] = sum(in_parallel(rules, [(groups, g) for _, _, groups in vpcs
                                                                for g in range(len(groups))]))
    say(f"created {created['security_group_rule']} ingress rules")

    # Every other subnet's instances get two of their VPC's groups, the others none.
    def instances(args):
        i, j, subnet, groups = args
        extra = {"SecurityGroupIds": groups[j:j + 2]} if j % 2 == 0 else {}
        reservation = ec2.run_instances(ImageId=image, InstanceType="t3.micro", SubnetId=subnet,
                                        MinCount=INSTANCES_PER_SUBNET, MaxCount=INSTANCES_PER_SUBNET,
                                        TagSpecifications=[{"ResourceType": "instance", "Tags": [
                                            {"Key": "Name", "Value": f"bench-{i:02d}-{j}"}]}], **extra)
        return len(reservation["Instances"]), sum(len(x.get("SecurityGroups", [])) for x in reservation["Instances"])

    launched = in_parallel(instances, [(i, j, subnet, groups) for i, (_, subnets, groups) in enumerate(vpcs)
                                       for j, subnet in enumerate(subnets)])
    created["instance"] = sum(n for n, _ in launched)
    created["instance_security_groups"] = sum(links for _, links in launched)
    say(f"launched {created['instance']} instances ({created['instance_security_groups']} security group links)")

    def bucket(b):
        account.s3.create_bucket(Bucket=f"tablecloud-bench-{b:03d}")

    in_parallel(bucket, range(BUCKETS))
    created["bucket"] = BUCKETS
    say(f"created {BUCKETS} S3 buckets")

    route53 = account.route53
    for z in range(HOSTED_ZONES):
        name = f"bench{z}.example.com."
        zone_id = route53.create_hosted_zone(Name=name, CallerReference=f"bench-{z}")["HostedZone"]["Id"]
        route53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": {
                "Name": f"host{r}.{name}", "Type": "A", "TTL": 300,
                "ResourceRecords": [{"Value": f"192.0.2.{r + 1}"}]}}
            for r in range(RECORDS_PER_ZONE)]})
    created["hosted_zone"] = HOSTED_ZONES
    created["resource_record_set"] = HOSTED_ZONES * RECORDS_PER_ZONE
    say(f"created {HOSTED_ZONES} hosted zones with {created['resource_record_set']} records")
    return created


def count(account):
    """What the account holds per table, the defaults moto adds (default VPC, default groups and
    their rules, zones' SOA and NS records) included, as a full sync would see it."""
    ec2 = account.ec2

    def pages(client, operation, key, **args):
        return [item for page in client.get_paginator(operation).paginate(**args) for item in page[key]]

    instances = [i for r in pages(ec2, "describe_instances", "Reservations") for i in r["Instances"]
                 if i["State"]["Name"] != "terminated"]
    zones = pages(account.route53, "list_hosted_zones", "HostedZones")
    return {
        "aws_regions": len(ec2.describe_regions()["Regions"]),
        "availability_zone": len(ec2.describe_availability_zones()["AvailabilityZones"]),
        "vpc": len(pages(ec2, "describe_vpcs", "Vpcs")),
        "subnet": len(pages(ec2, "describe_subnets", "Subnets")),
        "security_group": len(pages(ec2, "describe_security_groups", "SecurityGroups")),
        "security_group_rule": len(pages(ec2, "describe_security_group_rules", "SecurityGroupRules")),
        "key_pair": len(ec2.describe_key_pairs()["KeyPairs"]),
        "instance": len(instances),
        "instance_security_groups": sum(len(i.get("SecurityGroups", [])) for i in instances),
        "bucket": len(account.s3.list_buckets()["Buckets"]),
        "hosted_zone": len(zones),
        "resource_record_set": sum(len(pages(account.route53, "list_resource_record_sets", "ResourceRecordSets",
                                             HostedZoneId=z["Id"])) for z in zones),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--out", required=True, help="JSON file for the counts")
    args = parser.parse_args()

    def say(message):
        print(f"  {message}", flush=True)

    account = Account(args.endpoint, args.region)
    started = time.monotonic()
    created = populate(account, say)
    seconds = time.monotonic() - started
    calls = account.calls
    in_moto = count(account)
    with open(args.out, "w") as out:
        json.dump({"seconds": seconds, "calls": calls, "created": created, "inMoto": in_moto}, out, indent=2)
    say(f"populated {sum(created.values())} resources in {seconds:.1f} s ({calls} AWS calls)")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a short message for the harness's log; boto3's tracebacks are long
        print(f"populating the account failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
