package dev.tablecloud.webhook;

import java.time.Instant;

/**
 * One try at posting an event to a receiver.
 *
 * @param httpStatus the receiver's answer, or null when none came
 * @param error      why the attempt did not deliver, or null when it did
 */
public record AttemptData(int number, Instant startedAt, long millis, Integer httpStatus, String error) {

    public boolean delivered() {
        return error == null;
    }
}
