package dev.tablecloud.jobrun;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this server node, as WildFly knows it. */
public final class NodeName {

    private NodeName() {
    }

    public static String current() {
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
