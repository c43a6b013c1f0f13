package com.sicfurnace.simulator.opcua;

import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.security.cert.X509Certificate;
import java.util.List;
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

    /** The advertised URL of both endpoints, e.g. {@code opc.tcp://127.0.0.1:4840/plc}. */
    public String endpointUrl() {
        return PlcEndpoints.endpointUrl(config);
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
    private record Running(ServerPki pki, OpcUaServer server, PlcNamespace namespace) {

        static Running start(PlcServerConfig config, SimulatedFurnace furnace) throws PlcServerException {
            ServerPki pki = openPki(config);
            OpcUaServer server = null;
            PlcNamespace namespace = null;
            try {
                server = new OpcUaServer(serverConfig(config, pki), profile ->
                        new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
                namespace = new PlcNamespace(server, furnace);
                namespace.startup();
                server.startup().get(STARTUP_TIMEOUT_S, TimeUnit.SECONDS);
                return new Running(pki, server, namespace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon(config, e, pki, server, namespace);
            } catch (ExecutionException e) {
                throw abandon(config, e.getCause(), pki, server, namespace);
            } catch (TimeoutException | RuntimeException e) {
                throw abandon(config, e, pki, server, namespace);
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
                                                  OpcUaServer server, PlcNamespace namespace) {
            PlcServerException failure = new PlcServerException("cannot start the PLC OPC UA server on "
                    + PlcEndpoints.endpointUrl(config) + ": " + cause.getMessage(), cause);
            try {
                new Running(pki, server, namespace).close();
            } catch (PlcServerException e) {
                failure.addSuppressed(e);
            }
            return failure;
        }

        /** Milo's server shutdown leaves user namespaces and the PKI alone, so each is closed here. */
        void close() throws PlcServerException {
            PlcServerException failure = new PlcServerException("the PLC OPC UA server did not stop cleanly");
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
}
