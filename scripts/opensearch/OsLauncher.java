import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Single-node, loopback-only OpenSearch 2.19.x for tests. Args: [home] [httpPort] [transportPort] */
public final class OsLauncher {
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Settings s, Collection<Class<? extends Plugin>> plugins) {
            // 2.19's protected constructor takes classpath plugin classes (as MockNode does); no bootstrap checks run here
            super(InternalSettingsPreparer.prepareEnvironment(s, Collections.emptyMap(), null, () -> "node-1"), plugins, true);
        }
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Plugin> plugin(String className) throws ClassNotFoundException {
        return (Class<? extends Plugin>) Class.forName(className);
    }

    public static void main(String[] args) throws Exception {
        String home = args.length > 0 ? args[0] : "opensearch-home";
        String httpPort = args.length > 1 ? args[1] : "9200";
        String transportPort = args.length > 2 ? args[2] : "9300";
        Path h = Paths.get(home).toAbsolutePath();
        for (String d : new String[] { "config", "data", "logs", "plugins", "modules" }) Files.createDirectories(h.resolve(d));

        Settings settings = Settings.builder()
            .put("path.home", h.toString())
            .put("path.data", h.resolve("data").toString())
            .put("path.logs", h.resolve("logs").toString())
            .put("cluster.name", "suyuan-test")
            .put("node.name", "node-1")
            .put("discovery.type", "single-node")      // no cluster formation
            .put("network.host", "127.0.0.1")          // loopback only: HTTP and transport bind 127.0.0.1
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", false) // shared CI disk may be >85% full
            .put("action.auto_create_index", false)    // a typo'd index name is an error, not a new index
            .put("indices.query.bool.max_clause_count", 16384) // a page's fingerprints in one candidate query
            .build();

        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        plugins.add(plugin("org.opensearch.transport.Netty4Plugin"));               // HTTP + transport
        plugins.add(plugin("org.opensearch.analysis.common.CommonAnalysisPlugin")); // cjk_bigram etc.

        Node node = new EmbeddedNode(settings, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try { node.close(); } catch (Exception e) { e.printStackTrace(); }
            stopped.countDown();
        }, "os-shutdown"));
        node.start();
        System.out.println("OSLAUNCHER_STARTED http://127.0.0.1:" + httpPort);
        stopped.await(); // OpenSearch's own threads are daemons: keep the JVM alive until SIGTERM
    }
}
