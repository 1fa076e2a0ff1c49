package dev.tablecloud.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Gives a test class an AWS account of its own: a moto server started before the class's
 * {@code @BeforeAll} methods and stopped after its {@code @AfterAll} ones, with whatever the test
 * opened against it ({@link #closeAfterAll}) closed first.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MotoExtension moto = MotoExtension.withSettings(Map.of("MOTO_ENABLE_AMI_VALIDATION", "true"));
 * }</pre>
 */
public class MotoExtension implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private MotoServer server;

    protected MotoExtension(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** A plain moto account. */
    public static MotoExtension account() {
        return new MotoExtension(Map.of());
    }

    /** An account with moto settings, e.g. one that refuses what AWS refuses. */
    public static MotoExtension withSettings(Map<String, String> settings) {
        return new MotoExtension(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MotoServer.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            while (!opened.isEmpty()) {
                opened.pop().close();
            }
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    /** Closed after the class's tests, before the server stops, the last opened first. */
    public synchronized <T extends AutoCloseable> T closeAfterAll(T resource) {
        opened.push(resource);
        return resource;
    }

    public MotoServer server() {
        if (server == null) {
            throw new IllegalStateException("The moto account is started before @BeforeAll: register the extension"
                    + " with @RegisterExtension on a static field");
        }
        return server;
    }

    public URI endpoint() {
        return server().endpoint();
    }
}
