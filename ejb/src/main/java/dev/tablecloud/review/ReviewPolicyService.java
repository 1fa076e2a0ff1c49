package dev.tablecloud.review;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/** Use cases on an environment's review policy: its viewers read it, its admins change it. */
@Stateless
public class ReviewPolicyService {

    @Inject
    ReviewStore store;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    public ReviewPolicyData get(String environment) {
        access.require(environment, Role.VIEWER, "see the review policy");
        environments.get(environment);
        return store.policy(environment);
    }

    public ReviewPolicyData put(String environment, ReviewPolicyData policy) {
        access.require(environment, Role.ADMIN, "change the review policy");
        environments.get(environment);
        List<FieldError> errors = policy == null ? List.of() : policy.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReviewPolicyData complete = (policy == null ? ReviewPolicyData.DEFAULT : policy).withDefaults();
        store.keepPolicy(environment, complete);
        return complete;
    }
}
