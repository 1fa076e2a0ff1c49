package dev.tablecloud.module;

import dev.tablecloud.aws.AwsSession;

import java.util.Optional;

/**
 * The write half of a resource table's adapter (DESIGN §3), in the spirit of Crossplane's external
 * client: small, one resource per call, and safe to repeat.
 *
 * <p>Errors are left to {@link AwsSession#call}: a refusal names the cloud's own message, an
 * unreachable endpoint names the endpoint. A row the adapter cannot turn into a request (a key pair
 * with no public key) is refused with an {@code InvalidInputException} that names the row.
 */
public interface CloudWriter {

    /**
     * Makes the resource the row describes and returns it as the cloud now reports it, so that the
     * cloud id and every generated column can be written back into the row. Marks what it makes
     * with the row's identity (a tag, a client token, or a name that is unique anyway) so that
     * {@link #findCreated} finds it after a crash. A table whose creates make its links
     * ({@link CloudWrites#createdWithLinks}) makes the resource linked to exactly the rows
     * {@link DesiredResource#linked} names.
     */
    CloudResource create(AwsSession aws, DesiredResource row);

    /**
     * The resource an earlier {@link #create} of this row made, if it exists: what a commit that was
     * interrupted looks for before creating again, so that a retry never makes a second resource.
     */
    Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row);

    /**
     * Changes the resource in place so that it matches the row. Only called when the columns that
     * differ can all change in place (none of {@link CloudWrites#replacedOn()}).
     */
    CloudResource update(AwsSession aws, DesiredResource row, CloudResource current);

    /** Removes the resource. One that is already gone is not an error: a retried delete succeeds. */
    void delete(AwsSession aws, CloudResource current);
}
