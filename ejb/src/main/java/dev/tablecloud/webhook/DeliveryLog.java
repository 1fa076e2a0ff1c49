package dev.tablecloud.webhook;

/** Where the sender reports what became of each delivery: the control database, or a test's memory. */
interface DeliveryLog {

    void attempted(long deliveryId, AttemptData attempt);

    /** After the last attempt: the delivery got a 2xx, or gave up. */
    void finished(long deliveryId, boolean delivered);
}
