package dev.tablecloud.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class NewPasswordsTest {

    @Test
    void aGeneratedPasswordPassesTheRulesHasNoLookAlikesAndIsNeverTheSameTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = NewPasswords.generate();
            assertThatCode(() -> UserRules.checkPassword(password)).doesNotThrowAnyException();
            assertThat(password).hasSize(NewPasswords.LENGTH).doesNotContainPattern("[0O1lI]");
            seen.add(password);
        }
        assertThat(seen).hasSize(200);
    }
}
