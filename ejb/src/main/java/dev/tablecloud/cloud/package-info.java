/**
 * An environment's AWS connection as users set it: its credentials (stored with the secret
 * encrypted), the test that they reach the account, and the account's regions. Turns the stored
 * settings into the {@link dev.tablecloud.aws.AwsConnection} the engine's AWS sessions use.
 */
package dev.tablecloud.cloud;
