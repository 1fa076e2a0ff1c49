/** Module aws_route53: hosted zones and their resource record sets. */
package dev.tablecloud.module.awsroute53;
