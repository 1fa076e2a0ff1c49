package dev.tablecloud.module;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The requests a session's clients sent, as the SDK built them: for tests that must tell how the
 * cloud was asked, where what the emulator holds afterwards would look the same either way.
 */
public final class SentRequests implements ExecutionInterceptor {

    private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        sent.add(context.request());
    }

    /** The requests of one operation, in the order they were sent. */
    public <T extends SdkRequest> List<T> of(Class<T> operation) {
        return sent.stream().filter(operation::isInstance).map(operation::cast).toList();
    }
}
