package org.vigi2fa.testing.server;

import java.nio.file.Path;
import java.util.List;

/** The nodes of a clustered Keycloak, each reachable on its own port as a load balancer reaches it. */
public interface ClusterNodes {

    /** Each node's own base URL (e.g. http://127.0.0.1:8782); node 0 is the one the public URL names. */
    List<String> urls();

    /** The node's current log file. */
    Path log(int node);

    /** How many members the node's latest Infinispan cluster view names (0 before the first view). */
    int viewSize(int node);

    /** Kills the node's JVM with SIGKILL: no shutdown, no leaving the cluster politely. */
    void kill(int node);

    /** Starts a killed node again on the same ports and waits until it is ready and back in the cluster. */
    void restart(int node);
}
