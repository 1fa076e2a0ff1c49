/** Module aws_security_group: security groups and their ingress and egress rules. */
package dev.tablecloud.module.awssecuritygroup;
