/** Module aws_s3: buckets. */
package dev.tablecloud.module.awss3;
