/**
 * Talking to AWS (or an emulator such as moto) for one piece of work: SDK clients of any service
 * for a connection's credentials, endpoint, region and retry settings, made by the SDK's own
 * builders and closed together with the session; the count of calls made; and turning the SDK's
 * failures into messages that name the endpoint. Knows nothing of environments or modules: what
 * reaches AWS is given to it as an {@link dev.tablecloud.aws.AwsConnection}.
 */
package dev.tablecloud.aws;
