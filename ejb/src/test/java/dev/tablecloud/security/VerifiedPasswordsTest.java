package dev.tablecloud.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    @Test
    void aRememberedPasswordCountsOnlyWhileTheStoredHashIsTheSame() {
        VerifiedPasswords verified = new VerifiedPasswords();
        String hash = PasswordHash.of("old password 123");
        verified.remember("alice", "old password 123", hash);

        assertThat(verified.remembers("alice", "old password 123", hash)).isTrue();
        assertThat(verified.remembers("alice", "old password 123", PasswordHash.of("new password 456")))
                .as("after a password change the old one is checked again, against the new hash").isFalse();
        assertThat(verified.remembers("alice", "another guess", hash)).isFalse();
        assertThat(verified.remembers("bob", "old password 123", hash)).isFalse();
    }

    @Test
    void eachNodeKeysItsMemoryDifferently() {
        String hash = PasswordHash.of("old password 123");
        VerifiedPasswords one = new VerifiedPasswords();
        one.remember("alice", "old password 123", hash);

        assertThat(new VerifiedPasswords().remembers("alice", "old password 123", hash)).isFalse();
    }
}
