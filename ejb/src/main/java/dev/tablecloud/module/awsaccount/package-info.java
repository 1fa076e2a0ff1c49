/** Module aws_account: the account's regions (which are enabled, which is the default) and availability zones. */
package dev.tablecloud.module.awsaccount;
