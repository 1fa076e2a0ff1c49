/** Module aws_vpc: VPCs and their subnets. */
package dev.tablecloud.module.awsvpc;
