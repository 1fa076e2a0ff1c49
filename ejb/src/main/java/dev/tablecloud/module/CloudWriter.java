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
 *
 * <p>A kind with columns AWS changes in place implements {@link CloudUpdater}; one whose every
 * change makes a new resource implements this alone, is declared with
 * {@link CloudWrites#replacedOnAnyChange}, and has no update to get wrong.
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

    /** Removes the resource. One that is already gone is not an error: a retried delete succeeds. */
    void delete(AwsSession aws, CloudResource current);
}
