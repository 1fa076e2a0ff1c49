package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.DesiredResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cloud in memory behind one adapter, for testing how an apply schedules and undoes steps: it
 * logs each call's start and end, and can be told to be slow or to refuse.
 */
final class FakeCloud implements CloudUpdater {

    final Map<String, CloudResource> resources = new ConcurrentHashMap<>();
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<DesiredResource> createdFrom = Collections.synchronizedList(new ArrayList<>());
    /** Milliseconds a call on this row id (create, update) or cloud id (delete) takes. */
    final Map<String, Long> delays = new ConcurrentHashMap<>();
    /** Row ids whose create the cloud refuses. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Row ids whose create makes the resource, then fails (a gateway made, its attachment refused). */
    final Set<String> refusedAfterMaking = ConcurrentHashMap.newKeySet();
    private final Map<String, String> byIdentity = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A resource that exists before the apply. */
    CloudResource existing(String cloudId, Map<String, Object> values) {
        CloudResource resource = new CloudResource(cloudId, "us-east-1", values, Map.of());
        resources.put(cloudId, resource);
        return resource;
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        events.add("start create " + row.rowId());
        pause(row.rowId());
        if (refused.contains(row.rowId())) {
            events.add("refused create " + row.rowId());
            throw new CloudRefusedException("CreateThing was refused: " + row.rowId() + " is not allowed", null);
        }
        createdFrom.add(row);
        CloudResource made = new CloudResource(row.table() + "-" + ids.incrementAndGet(), row.region(),
                new HashMap<>(row.values()), Map.of());
        resources.put(made.cloudId(), made);
        byIdentity.put(row.identity(), made.cloudId());
        if (refusedAfterMaking.contains(row.rowId())) {
            events.add("refused create " + row.rowId() + " after making " + made.cloudId());
            throw new CloudRefusedException("AttachThing was refused for " + made.cloudId(), null);
        }
        events.add("end create " + row.rowId());
        return made;
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return Optional.ofNullable(byIdentity.get(row.identity())).map(resources::get);
    }

    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        events.add("start update " + current.cloudId());
        pause(row.rowId());
        CloudResource updated = new CloudResource(current.cloudId(), current.region(), new HashMap<>(row.values()),
                current.parents());
        resources.put(current.cloudId(), updated);
        events.add("end update " + current.cloudId());
        return updated;
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        events.add("start delete " + current.cloudId());
        pause(current.cloudId());
        resources.remove(current.cloudId());
        byIdentity.values().remove(current.cloudId());
        events.add("end delete " + current.cloudId());
    }

    List<CloudResource> all() {
        return List.copyOf(resources.values());
    }

    private void pause(String key) {
        try {
            Thread.sleep(delays.getOrDefault(key, 0L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
