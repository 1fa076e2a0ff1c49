package dev.tablecloud.web.signin;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;

/**
 * What the identity store found: the container's result, and either the stamp a session keeps
 * (password sign-in) or the refusal to explain.
 */
record Verdict(CredentialValidationResult result, String stamp, Refusal refusal) {

    static Verdict valid(String user, String stamp) {
        return new Verdict(new CredentialValidationResult(user), stamp, null);
    }

    static Verdict refused(Refusal refusal) {
        return new Verdict(CredentialValidationResult.INVALID_RESULT, null, refusal);
    }

    boolean isValid() {
        return result.getStatus() == CredentialValidationResult.Status.VALID;
    }
}
