package dev.tablecloud.jobs.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this server node, as WildFly knows it. */
final class NodeName {

    private NodeName() {
    }

    static String current() {
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
