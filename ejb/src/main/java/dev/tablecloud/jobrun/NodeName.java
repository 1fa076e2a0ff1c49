package dev.tablecloud.jobrun;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this server node: {@code TABLECLOUD_NODE_ID} when set (two nodes on one machine share
 * a host name), else WildFly's node name, else the host name.
 */
public final class NodeName {

    private NodeName() {
    }

    public static String current() {
        String configured = System.getenv("TABLECLOUD_NODE_ID");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String node = System.getProperty("jboss.node.name");
        if (node != null) {
            return node;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
