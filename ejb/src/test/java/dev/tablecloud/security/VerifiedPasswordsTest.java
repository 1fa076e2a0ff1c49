package dev.tablecloud.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    @Test
    void aRememberedPasswordCountsOnlyWhileTheStoredHashIsTheSame() {
        VerifiedPasswords verified = new VerifiedPasswords();
        String hash = "PBKDF2WithHmacSHA256:210000:c2FsdA==:b2xk";
        verified.remember("alice", "old password 123", hash);

        assertThat(verified.remembers("alice", "old password 123", hash)).isTrue();
        assertThat(verified.remembers("alice", "old password 123", "PBKDF2WithHmacSHA256:210000:c2FsdDI=:bmV3"))
                .as("after a password change the old one is checked again, against the new hash").isFalse();
        assertThat(verified.remembers("alice", "another guess", hash)).isFalse();
        assertThat(verified.remembers("bob", "old password 123", hash)).isFalse();
    }

    @Test
    void eachNodeKeysItsMemoryDifferently() {
        String hash = "PBKDF2WithHmacSHA256:210000:c2FsdA==:b2xk";
        VerifiedPasswords one = new VerifiedPasswords();
        one.remember("alice", "old password 123", hash);

        assertThat(new VerifiedPasswords().remembers("alice", "old password 123", hash)).isFalse();
    }
}
