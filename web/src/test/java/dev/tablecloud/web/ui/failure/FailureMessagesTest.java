package dev.tablecloud.web.ui.failure;

import dev.tablecloud.failure.ConflictException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureMessagesTest {

    @Test
    void showsTheEnginesWordsWhateverWrapsThem() {
        var refusal = new ConflictException("An open transaction forbids it: commit or roll back transaction 3 first.");
        var wrapped = new RuntimeException("listener failed", new EJBException(refusal));

        assertThat(FailureMessages.text(wrapped))
                .isEqualTo("Conflict: An open transaction forbids it: commit or roll back transaction 3 first.");
    }

    @Test
    void anythingElseIsItsInnermostMessageWithoutAStackTrace() {
        var failure = new IllegalStateException("outer", new java.io.IOException("connection reset"));

        assertThat(FailureMessages.text(failure))
                .isEqualTo("Something failed on the server: connection reset (the server log has the details).");
    }
}
