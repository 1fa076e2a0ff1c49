package dev.tablecloud.web.api.problem;

import dev.tablecloud.failure.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnstorableInputRefusedTest {

    public record Freeze(String from, String to) {
    }

    public record Windows(List<String> windows, List<Freeze> freezes) {
    }

    @Test
    void namesEachNullElementByItsPlace() {
        List<FieldError> errors = new ArrayList<>();
        UnstorableInputRefused.collect(new Windows(Arrays.asList("a", null), Arrays.asList(new Freeze("x", null), null)), "",
                errors, 0);

        assertThat(errors).extracting(FieldError::field).containsExactly("windows[1]", "freezes[1]");
    }

    @Test
    void aNullInATopLevelListIsTheBodysElement() {
        List<FieldError> errors = new ArrayList<>();
        UnstorableInputRefused.collect(Arrays.asList(new Freeze("a", "b"), null), "", errors, 0);

        assertThat(errors).extracting(FieldError::field).containsExactly("body[1]");
    }

    @Test
    void namesEachStringWithANulCharacter() {
        List<FieldError> errors = new ArrayList<>();
        UnstorableInputRefused.collect(new Windows(List.of("ok", "a\0b"), List.of(new Freeze("\0", "fine"))), "",
                errors, 0);

        assertThat(errors).extracting(FieldError::field).containsExactly("windows[1]", "freezes[0].from");
    }

    @Test
    void aNullMemberIsNotGivenAndAllowed() {
        List<FieldError> errors = new ArrayList<>();
        UnstorableInputRefused.collect(new Windows(null, List.of(new Freeze(null, null))), "", errors, 0);

        assertThat(errors).isEmpty();
    }
}
