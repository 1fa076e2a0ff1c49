package dev.tablecloud.failure;

/** One broken rule: the input field it concerns and what is wrong with it. */
public record FieldError(String field, String message) {
}
