package com.sicfurnace.simulator.opcua;

import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.diagnostics.ServerDiagnosticsSummary;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated furnace's PLC as an OPC UA server: the OPC UA part of the I/O list, served live from a
 * {@link SimulatedFurnace}. An instance starts once; to restart the PLC (fault injection), close it and start a new
 * instance on the same port and PKI directory, which reuses the server certificate and the trust lists.
 *
 * <pre>
 * try (PlcServer plc = new PlcServer(PlcServerConfig.localDevelopment(4840, pkiDir), furnace)) {
 *     plc.start();
 *     ...
 * }
 * </pre>
 */
public final class PlcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlcServer.class);
    private static final long STARTUP_TIMEOUT_S = 10;
    private static final long SHUTDOWN_TIMEOUT_S = 10;
    private static final long SESSION_QUEUE_TIMEOUT_MS = 2_000;

    private final PlcServerConfig config;
    private final SimulatedFurnace furnace;
    private Running running;
    private boolean started;

    public PlcServer(PlcServerConfig config, SimulatedFurnace furnace) {
        this.config = config;
        this.furnace = furnace;
    }

    /** Loads or creates the PKI, builds the address space and binds the port. */
    public synchronized void start() throws PlcServerException {
        if (started) {
            throw new IllegalStateException("a PlcServer starts once; create a new instance to restart the PLC");
        }
        started = true;
        long t0 = System.nanoTime();
        running = Running.start(config, furnace);
        LOG.info("PLC OPC UA server started in {} ms: {} signals in namespace {} (index {}), {}",
                (System.nanoTime() - t0) / 1_000_000, running.namespace.signals().size(), PlcNamespace.URI,
                running.namespace.getNamespaceIndex(), config);
        for (EndpointConfig e : running.server.getConfig().getEndpoints()) {
            LOG.info("endpoint {} security={} mode={} tokens={}", e.getEndpointUrl(), e.getSecurityPolicy(),
                    e.getSecurityMode(), e.getTokenPolicies().stream().map(p -> p.getTokenType().name()).toList());
        }
    }

    /** Stops serving and frees the port at once; closing twice, or a server never started, does nothing. */
    @Override
    public synchronized void close() throws PlcServerException {
        if (running == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            running.close();
        } finally {
            running = null;
        }
        LOG.info("PLC OPC UA server on {} stopped in {} ms", endpointUrl(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The advertised URL at the configured path, e.g. {@code opc.tcp://127.0.0.1:4840/plc}. */
    public String endpointUrl() {
        return PlcEndpoints.endpointUrl(config);
    }

    /** The same server at the bare host and port, e.g. {@code opc.tcp://127.0.0.1:4840}, as many PLCs serve. */
    public String bareUrl() {
        return PlcEndpoints.bareUrl(config);
    }

    public PlcServerConfig config() {
        return config;
    }

    /** The server's application instance certificate; clients trust this one. */
    public synchronized X509Certificate certificate() {
        return requireRunning().pki.certificate();
    }

    /** Client certificates currently trusted (the trust list follows {@code <pki>/trusted/certs} live). */
    public synchronized List<X509Certificate> trustedCertificates() {
        return requireRunning().pki.trustedCertificates();
    }

    private Running requireRunning() {
        if (running == null) {
            throw new IllegalStateException("the PLC OPC UA server is not running");
        }
        return running;
    }

    /** What a started server holds; closed in reverse order of creation. */
    private record Running(ServerPki pki, OpcTcpServerTransport transport, OpcUaServer server,
                           SessionQueue sessions, PlcNamespace namespace) {

        static Running start(PlcServerConfig config, SimulatedFurnace furnace) throws PlcServerException {
            ServerPki pki = openPki(config);
            OpcTcpServerTransport transport = new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
                    .build());
            OpcUaServer server = null;
            SessionQueue sessions = null;
            PlcNamespace namespace = null;
            try {
                SessionQueue.forgetCachedDiagnosticsDeclarations();
                server = new OpcUaServer(serverConfig(config, pki), profile -> transport);
                sessions = SessionQueue.watch(server);
                namespace = new PlcNamespace(server, furnace);
                namespace.startup();
                server.startup().get(STARTUP_TIMEOUT_S, TimeUnit.SECONDS);
                return new Running(pki, transport, server, sessions, namespace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon(config, e, pki, transport, server, sessions, namespace);
            } catch (ExecutionException e) {
                throw abandon(config, e.getCause(), pki, transport, server, sessions, namespace);
            } catch (TimeoutException | RuntimeException e) {
                throw abandon(config, e, pki, transport, server, sessions, namespace);
            }
        }

        private static ServerPki openPki(PlcServerConfig config) throws PlcServerException {
            try {
                return ServerPki.open(config.pkiDir(), config.applicationUri(),
                        PlcEndpoints.certificateHostNames(config));
            } catch (Exception e) {
                throw new PlcServerException("cannot load or create the PLC server's PKI in " + config.pkiDir()
                        + ": " + e.getMessage(), e);
            }
        }

        private static OpcUaServerConfig serverConfig(PlcServerConfig config, ServerPki pki) {
            return OpcUaServerConfig.builder()
                    .setApplicationUri(config.applicationUri())
                    .setApplicationName(LocalizedText.english("SiC furnace simulator PLC"))
                    .setProductUri("urn:sicfurnace:simulator")
                    .setEndpoints(PlcEndpoints.of(config, pki.certificate()))
                    .setCertificateManager(pki.certificateManager())
                    .setIdentityValidator(PlcEndpoints.identityValidator(config))
                    .build();
        }

        // A failed start must not leave the PKI watcher threads or a half-bound port behind.
        private static PlcServerException abandon(PlcServerConfig config, Throwable cause, ServerPki pki,
                                                  OpcTcpServerTransport transport, OpcUaServer server,
                                                  SessionQueue sessions, PlcNamespace namespace) {
            PlcServerException failure = new PlcServerException("cannot start the PLC OPC UA server on "
                    + PlcEndpoints.endpointUrl(config) + ": " + cause.getMessage(), cause);
            try {
                new Running(pki, transport, server, sessions, namespace).close();
            } catch (PlcServerException e) {
                failure.addSuppressed(e);
            }
            return failure;
        }

        /**
         * Stops taking connections, lets Milo finish setting up and tearing down the sessions it had, then takes the
         * address space down. Milo's server shutdown leaves user namespaces and the PKI alone, so each is closed here.
         */
        void close() throws PlcServerException {
            PlcServerException failure = new PlcServerException("the PLC OPC UA server did not stop cleanly");
            attempt(failure, transport::unbind); // Milo unbinds again in shutdown(), which then does nothing
            if (server != null && sessions != null) {
                attempt(failure, () -> sessions.awaitCaughtUp(server, SESSION_QUEUE_TIMEOUT_MS));
            }
            if (namespace != null) {
                attempt(failure, namespace::shutdown);
            }
            if (server != null) {
                attempt(failure, () -> server.shutdown().get(SHUTDOWN_TIMEOUT_S, TimeUnit.SECONDS));
            }
            attempt(failure, pki::close);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }

        private static void attempt(PlcServerException failure, Step step) {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Milo sets every session up after CreateSession has answered, and tears it down after it closed, on its
     * session-listener queue: its diagnostics objects build per-session nodes from instance declarations that
     * Milo's NodeFactory caches for the whole JVM, and delete them again. Taking the address space down under that
     * work logs NullPointerExceptions, and a cache entry built then lacks nodes, which fails the session setup of
     * every later server in the JVM. So a server lets that queue catch up before it stops, and starts from a cache
     * no stopped server can have spoiled.
     */
    private static final class SessionQueue implements SessionListener {
        private static final List<NodeId> SESSION_DIAGNOSTICS_TYPES = List.of(NodeIds.SessionDiagnosticsObjectType,
                NodeIds.SessionDiagnosticsVariableType, NodeIds.SessionSecurityDiagnosticsType);

        private final Set<NodeId> open = new HashSet<>();
        private long setUp;
        private long tornDown;

        static void forgetCachedDiagnosticsDeclarations() {
            SESSION_DIAGNOSTICS_TYPES.forEach(NodeFactory::invalidateCachedIdh);
        }

        /** Listeners run in the order added, so this one hears of a session after Milo's diagnostics did. */
        static SessionQueue watch(OpcUaServer server) {
            SessionQueue queue = new SessionQueue();
            server.getSessionManager().addSessionListener(queue);
            return queue;
        }

        @Override
        public synchronized void onSessionCreated(Session session) {
            open.add(session.getSessionId());
            setUp++;
            notifyAll();
        }

        @Override
        public synchronized void onSessionClosed(Session session) {
            if (open.remove(session.getSessionId())) { // Milo may report a killed session closed twice
                tornDown++;
                notifyAll();
            }
        }

        /**
         * Waits until the queue has caught up with every session the server created and closed; past the timeout
         * the server stops anyway. Milo counts a session as created, and drops it from its current ones, as it
         * queues the work.
         */
        synchronized void awaitCaughtUp(OpcUaServer server, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (true) {
                ServerDiagnosticsSummary counts = server.getDiagnosticsSummary();
                long created = counts.getCumulatedSessionCount().sum();
                long closed = created - counts.getCurrentSessionCount().longValue();
                long pending = Math.max(0, created - setUp) + Math.max(0, closed - tornDown);
                if (pending == 0) {
                    return;
                }
                long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0) {
                    LOG.warn("stopping with {} OPC UA session(s) still being set up or torn down after {} ms",
                            pending, timeoutMs);
                    return;
                }
                wait(Math.min(leftMs, 50)); // a CreateSession still in flight is counted without a notify
            }
        }
    }
}
