/** Module aws_ec2: key pairs, instances and the security groups each instance is in. */
package dev.tablecloud.module.awsec2;
