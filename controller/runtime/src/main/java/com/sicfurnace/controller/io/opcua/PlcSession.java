package com.sicfurnace.controller.io.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.sicfurnace.controller.io.DeviceIoMeters;
import com.sicfurnace.controller.io.IoErrorKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's session with the PLC: connects (with a back-off while the server cannot be reached), keeps one
 * subscription on every input, and recreates that subscription explicitly when the server has restarted (Milo
 * reconnects the session by itself but cannot transfer a subscription to a new server instance). Runs on the
 * I/O thread, except the listeners, which Milo calls on its own threads and which only set flags.
 */
final class PlcSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlcSession.class);
    private static final Set<IoErrorKind> ERROR_KINDS = EnumSet.of(IoErrorKind.TIMEOUT, IoErrorKind.CONNECT_FAILED,
            IoErrorKind.REFUSED_WRITE, IoErrorKind.REQUEST_FAILED);

    private final OpcUaSettings settings;
    private final List<NodeBinding> inputs;
    private final List<NodeId> inputNodes;
    private final LiveValues live;
    private final ClientCredentials credentials;
    private final DeviceIoMeters meters;
    private final AtomicBoolean everActive = new AtomicBoolean();
    private final AtomicLong reconnects = new AtomicLong();
    private OpcUaClient client;
    private OpcUaSubscription subscription;
    private long nextAttemptNanos;
    private int backoffMs;
    private boolean unreachableLogged;
    private volatile boolean sessionActive;
    private volatile boolean subscriptionHealthy;
    private volatile boolean recreate;
    /** Set by {@link #close()}: the session ends because we end it, not because the PLC was lost. */
    private volatile boolean closing;
    private volatile long lastReadNanos;

    PlcSession(OpcUaSettings settings, String device, List<NodeBinding> inputs, LiveValues live) {
        this.settings = settings;
        this.inputs = inputs;
        this.inputNodes = inputs.stream().map(NodeBinding::nodeId).toList();
        this.live = live;
        this.credentials = settings.security() == OpcUaSettings.Security.NONE ? null
                : new ClientCredentials(settings.pkiDir(), settings.applicationUri(), settings.keyStorePassword());
        this.backoffMs = settings.reconnectMinMs();
        this.meters = new DeviceIoMeters(device, "opcua", ERROR_KINDS, this::dataFlowing);
    }

    /** Connects if not yet connected and due; recreates the subscription if the server lost it. */
    boolean ensureConnected() {
        if (client == null && !connect()) {
            return false;
        }
        if (sessionActive && recreate) {
            subscribe();
        }
        return sessionActive;
    }

    private boolean connect() {
        if (System.nanoTime() < nextAttemptNanos) {
            return false;
        }
        OpcUaClient candidate = null;
        try {
            candidate = OpcUaClient.create(settings.endpointUrl(), this::selectEndpoint,
                    transport -> transport.setConnectTimeout(uint(settings.connectTimeoutMs()))
                            .setAcknowledgeTimeout(uint(settings.connectTimeoutMs())),
                    this::configure);
            candidate.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    sessionActive = true;
                    if (everActive.getAndSet(true)) {
                        reconnects.incrementAndGet();
                    }
                    LOG.info("opcua session with {} active", settings.endpointUrl());
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    sessionActive = false;
                    subscriptionHealthy = false;
                    if (closing) {
                        LOG.info("opcua session with {} closed", settings.endpointUrl());
                    } else {
                        LOG.warn("opcua session with {} lost; reconnecting", settings.endpointUrl());
                    }
                }
            });
            candidate.connect();
            client = candidate;
            sessionActive = true;
            backoffMs = settings.reconnectMinMs();
            unreachableLogged = false;
            subscription = new OpcUaSubscription(client, settings.publishingIntervalMs());
            subscription.setSubscriptionListener(new HealthListener());
            subscribe();
            return true;
        } catch (UaException | RuntimeException e) {
            if (candidate != null) {
                disconnect(candidate);
            }
            meters.error(IoErrorKind.CONNECT_FAILED);
            if (!unreachableLogged) {
                LOG.warn("opcua: cannot connect to {} ({}); retrying every {}..{} ms", settings.endpointUrl(),
                        e.getMessage(), settings.reconnectMinMs(), settings.reconnectMaxMs());
                unreachableLogged = true;
            }
            nextAttemptNanos = System.nanoTime() + backoffMs * 1_000_000L;
            backoffMs = Math.min(settings.reconnectMaxMs(), backoffMs * 2);
            return false;
        }
    }

    private Optional<EndpointDescription> selectEndpoint(List<EndpointDescription> endpoints) {
        boolean secure = settings.security() == OpcUaSettings.Security.BASIC256SHA256;
        SecurityPolicy policy = secure ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
        MessageSecurityMode mode = secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None;
        // connect where we were told to, whatever address the server advertises for itself
        return endpoints.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst()
                .map(e -> EndpointUtil.updateUrl(e, EndpointUtil.getHost(settings.endpointUrl()),
                        EndpointUtil.getPort(settings.endpointUrl())));
    }

    private void configure(OpcUaClientConfigBuilder config) {
        config.setApplicationUri(settings.applicationUri())
                .setRequestTimeout(uint(settings.requestTimeoutMs()))
                .setKeepAliveInterval(uint(settings.keepAliveIntervalMs()))
                .setKeepAliveTimeout(uint(settings.keepAliveIntervalMs()))
                .setKeepAliveFailuresAllowed(uint(1))
                .setIdentityProvider(identity());
        if (credentials != null) {
            config.setKeyPair(credentials.keyPair()).setCertificate(credentials.chain()[0])
                    .setCertificateChain(credentials.chain()).setCertificateValidator(credentials.validator());
        }
    }

    private IdentityProvider identity() {
        if (settings.username().isEmpty()) {
            return new AnonymousProvider();
        }
        String user = settings.username().get();
        String password = settings.password().orElseThrow();
        return credentials == null ? new UsernameProvider(user, password)
                : new UsernameProvider(user, password, credentials.validator());
    }

    /** (Re)creates the subscription with one data item per input; the first notifications carry every value. */
    private void subscribe() {
        recreate = false;
        try {
            if (subscription.getMonitoredItems().isEmpty()) {
                for (int i = 0; i < inputs.size(); i++) {
                    int index = i;
                    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(inputs.get(i).nodeId());
                    item.setSamplingInterval(settings.publishingIntervalMs());
                    item.setDataValueListener((monitored, value) -> live.publish(index, value));
                    subscription.addMonitoredItem(item);
                }
            }
            subscription.create();
            subscription.synchronizeMonitoredItems();
            LOG.info("opcua subscription on {} inputs created, publishing every {} ms", inputs.size(),
                    settings.publishingIntervalMs());
        } catch (UaException | RuntimeException e) {
            recreate = true;
            meters.error(IoErrorKind.REQUEST_FAILED);
            LOG.warn("opcua: cannot create the subscription ({}); reading instead, retrying next cycle",
                    e.getMessage());
        }
    }

    /** Reads every input in one call: the fallback while no healthy subscription exists. */
    void readAll() {
        long start = System.nanoTime();
        try {
            List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Neither, inputNodes);
            for (int i = 0; i < values.size(); i++) {
                live.publish(i, values.get(i));
            }
            lastReadNanos = System.nanoTime();
        } catch (UaException e) {
            meters.error(kindOf(e));
            LOG.debug("opcua read failed: {}", e.getMessage());
        } finally {
            meters.request(DeviceIoMeters.Operation.READ, System.nanoTime() - start);
        }
    }

    private static IoErrorKind kindOf(UaException e) {
        long code = e.getStatusCode().getValue();
        return code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_RequestTimeout ? IoErrorKind.TIMEOUT
                : IoErrorKind.REQUEST_FAILED;
    }

    /**
     * Writes in one call; returns each item's status from the PLC, counting refusals, or an empty list if the
     * request itself failed (then nothing was written and everything is tried again).
     */
    List<StatusCode> write(List<NodeBinding> bindings, List<DataValue> values) {
        long start = System.nanoTime();
        try {
            List<StatusCode> results = client.writeValues(bindings.stream().map(NodeBinding::nodeId).toList(),
                    values);
            results.stream().filter(s -> !s.isGood()).forEach(r -> meters.error(IoErrorKind.REFUSED_WRITE));
            return results;
        } catch (UaException e) {
            meters.error(kindOf(e));
            LOG.warn("opcua write of {} outputs failed: {}", bindings.size(), e.getMessage());
            return List.of();
        } finally {
            meters.request(DeviceIoMeters.Operation.WRITE, System.nanoTime() - start);
        }
    }

    boolean subscriptionHealthy() {
        return subscriptionHealthy;
    }

    boolean sessionActive() {
        return sessionActive;
    }

    /** Times the session became active again after it had been active before. */
    long reconnects() {
        return reconnects.get();
    }

    DeviceIoMeters meters() {
        return meters;
    }

    /** Inputs are current: an active session and a healthy subscription, or a read in the last second. */
    boolean dataFlowing() {
        boolean recentRead = System.nanoTime() - lastReadNanos < 1_000_000_000L;
        return sessionActive && (subscriptionHealthy || recentRead);
    }

    /** Marks the subscription healthy as long as data or keep-alives arrive. */
    private final class HealthListener implements OpcUaSubscription.SubscriptionListener {
        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            subscriptionHealthy = true;
        }

        @Override
        public void onKeepAliveReceived(OpcUaSubscription s) {
            subscriptionHealthy = true;
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            subscriptionHealthy = false;
        }

        @Override
        public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.isBad()) {
                subscriptionHealthy = false;
                recreate = true;
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            // the server restarted: the subscription is gone there; the I/O thread recreates it
            subscriptionHealthy = false;
            recreate = true;
            LOG.warn("opcua subscription could not be transferred ({}); recreating it", status);
        }
    }

    private static void disconnect(OpcUaClient c) {
        try {
            c.disconnect();
        } catch (UaException e) {
            LOG.debug("opcua disconnect: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        if (client != null) {
            disconnect(client);
            client = null;
        }
        if (credentials != null) {
            credentials.close();
        }
    }
}
