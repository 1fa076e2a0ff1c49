/** Module aws_vpc: VPCs, subnets, internet gateways, route tables, their routes and associations. */
package dev.tablecloud.module.awsvpc;
