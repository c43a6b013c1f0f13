package com.sicfurnace.simulator.opcua;

import com.sicfurnace.simulator.plant.SimulatedFurnace;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
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
    private static final long WORK_TIMEOUT_S = 60;

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

    /**
     * Stops serving and frees the port at once, lets the requests and session set-ups already under way finish, then
     * takes the address space down; closing twice, or a server never started, does nothing.
     */
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

    /** The Milo server behind this PLC, for tests in this package that need to reach into it. */
    synchronized OpcUaServer miloServer() {
        return requireRunning().server;
    }

    private Running requireRunning() {
        if (running == null) {
            throw new IllegalStateException("the PLC OPC UA server is not running");
        }
        return running;
    }

    /** What a started server holds; closed in reverse order of creation. */
    private record Running(ServerPki pki, Connections connections, OpcTcpServerTransport transport, ServerWork work,
                           OpcUaServer server, PlcNamespace namespace) {

        static Running start(PlcServerConfig config, SimulatedFurnace furnace) throws PlcServerException {
            ServerPki pki = openPki(config);
            Connections connections = new Connections();
            OpcTcpServerTransport transport = new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
                    .setChannelPipelineCustomizer(connections::opened)
                    .build());
            ServerWork work = new ServerWork("plc-opcua-" + config.port());
            OpcUaServer server = null;
            PlcNamespace namespace = null;
            try {
                server = new OpcUaServer(serverConfig(config, pki, work), profile -> transport);
                namespace = new PlcNamespace(server, furnace);
                namespace.startup();
                server.startup().get(STARTUP_TIMEOUT_S, TimeUnit.SECONDS);
                return new Running(pki, connections, transport, work, server, namespace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon(config, e, pki, connections, transport, work, server, namespace);
            } catch (ExecutionException e) {
                throw abandon(config, e.getCause(), pki, connections, transport, work, server, namespace);
            } catch (TimeoutException | RuntimeException e) {
                throw abandon(config, e, pki, connections, transport, work, server, namespace);
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

        private static OpcUaServerConfig serverConfig(PlcServerConfig config, ServerPki pki, ServerWork work) {
            return OpcUaServerConfig.builder()
                    .setApplicationUri(config.applicationUri())
                    .setApplicationName(LocalizedText.english("SiC furnace simulator PLC"))
                    .setProductUri("urn:sicfurnace:simulator")
                    .setEndpoints(PlcEndpoints.of(config, pki.certificate()))
                    .setCertificateManager(pki.certificateManager())
                    .setIdentityValidator(PlcEndpoints.identityValidator(config))
                    .setExecutor(work)
                    .build();
        }

        // A failed start must not leave the PKI watcher threads or a half-bound port behind.
        private static PlcServerException abandon(PlcServerConfig config, Throwable cause, ServerPki pki,
                                                  Connections connections, OpcTcpServerTransport transport,
                                                  ServerWork work, OpcUaServer server, PlcNamespace namespace) {
            PlcServerException failure = new PlcServerException("cannot start the PLC OPC UA server on "
                    + PlcEndpoints.endpointUrl(config) + ": " + cause.getMessage(), cause);
            try {
                new Running(pki, connections, transport, work, server, namespace).close();
            } catch (PlcServerException e) {
                failure.addSuppressed(e);
            }
            return failure;
        }

        /**
         * Stops taking connections and closes the open ones, lets the server finish the work its clients gave it,
         * and only then takes the address space down.
         *
         * <p>Why in that order: Milo answers CreateSession and then builds the session's diagnostics nodes on a
         * task queue of the server's executor (SessionsDiagnosticsSummaryObject.createSessionDiagnosticsObject),
         * and its {@code OpcUaServer.shutdown()} neither closes connections or sessions nor waits for that queue:
         * it deletes the diagnostics nodes and unregisters namespace 0 while a request or a session set-up may still
         * be running. The set-up then fails half way (NodeFactory's Bad_InternalError, or a NullPointerException
         * for a node such as ServerDiagnostics' EnabledFlag it no longer finds), and an instance declaration
         * hierarchy of the session diagnostics types built in that state is cached by NodeFactory for the whole
         * JVM, incomplete, so that the sessions of later servers fail the same way. Under CPU load the set-up of
         * a session takes seconds, so any time-boxed wait for it loses the race. The server's own executor
         * ({@link ServerWork}) makes "all its work is done" something to wait for rather than guess: once the
         * connections are closed no request can come in, and an idle executor has no request and no queued
         * session set-up or tear-down left.
         *
         * <p>Milo itself fixed this later in OpcUaServer.shutdown() (eclipse-milo/milo#1790: refuse new sessions,
         * drain the session-listener queue before the namespaces go); 1.1.2 does not have it.
         *
         * <p>Milo's server shutdown leaves user namespaces and the PKI alone, so each is closed here.
         */
        void close() throws PlcServerException {
            PlcServerException failure = new PlcServerException("the PLC OPC UA server did not stop cleanly");
            attempt(failure, transport::unbind); // Milo unbinds again in shutdown(), which then does nothing
            attempt(failure, () -> connections.closeAll(SHUTDOWN_TIMEOUT_S, TimeUnit.SECONDS));
            attempt(failure, this::awaitWorkDone);
            if (namespace != null) {
                attempt(failure, namespace::shutdown);
            }
            if (server != null) {
                attempt(failure, () -> server.shutdown().get(SHUTDOWN_TIMEOUT_S, TimeUnit.SECONDS));
            }
            // A session of this server still open times out later; its timer's task is then refused, not run.
            work.shutdown();
            attempt(failure, pki::close);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }

        private void awaitWorkDone() throws InterruptedException {
            if (!work.awaitIdle(WORK_TIMEOUT_S, TimeUnit.SECONDS)) {
                LOG.warn("stopping with {} task(s) of the OPC UA server still running after {} s",
                        work.outstanding(), WORK_TIMEOUT_S);
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

    /**
     * The server's client connections. Milo's {@code unbind()} closes them without waiting, and a request read
     * before the close completes still reaches the executor; so the server waits for the close, and a connection
     * accepted while the server closes is closed as it opens.
     */
    private static final class Connections {
        private final Set<Channel> open = new HashSet<>();
        private boolean closing;

        void opened(ChannelPipeline pipeline) {
            Channel channel = pipeline.channel();
            synchronized (this) {
                if (!closing) {
                    open.add(channel);
                    channel.closeFuture().addListener(f -> closed(channel));
                    return;
                }
            }
            channel.close();
        }

        private synchronized void closed(Channel channel) {
            open.remove(channel);
        }

        void closeAll(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
            List<Channel> channels;
            synchronized (this) {
                closing = true;
                channels = List.copyOf(open);
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            for (Channel channel : channels) {
                if (!channel.close().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new TimeoutException("a client connection did not close within " + timeout + " " + unit);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
