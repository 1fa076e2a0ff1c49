/**
 * The connection from an environment to its AWS account (or an emulator such as moto): building
 * SDK clients for an environment's region, endpoint and credentials, and turning the SDK's
 * failures into messages that name the endpoint.
 */
package dev.tablecloud.cloud;
