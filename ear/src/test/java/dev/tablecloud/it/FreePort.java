package dev.tablecloud.it;

import java.io.IOException;
import java.net.ServerSocket;

/** A local port where nothing listens right now. */
final class FreePort {

    private FreePort() {
    }

    static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
