package dev.tablecloud.failure;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; lists every broken rule by field so forms can show them inline. */
public class InvalidInputException extends TablecloudException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
