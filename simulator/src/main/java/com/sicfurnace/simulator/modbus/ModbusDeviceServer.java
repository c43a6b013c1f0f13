package com.sicfurnace.simulator.modbus;

import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's Modbus TCP server: serves the Modbus signals of the I/O list from the furnace model the way the
 * real field devices do (induction supplies, mass-flow controllers, gauge controller, chiller), one unit id per
 * device, all behind one TCP endpoint as behind a gateway.
 *
 * <p>Built on j2mod's message classes and TCP transport, with its own accept loop and request handling instead of
 * j2mod's {@code ModbusSlaveFactory}: that slave can only answer exception code 2 (so no code 3, and a rejected
 * multi-register write is half applied), takes port 0 for 502, and keeps answering connected masters after it is
 * closed. See {@link RequestHandler} for the exception codes this server answers.
 *
 * <p>Every furnace access holds the furnace's monitor ({@code synchronized (furnace)}); the thread that steps
 * the model must hold it too. Fault modes per unit ({@link #setUnitMode}) and {@link #dropConnections()} may be
 * called from any thread.
 */
public final class ModbusDeviceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModbusDeviceServer.class);

    private final String furnaceName;
    private final SortedSet<Integer> unitIds;
    private final Map<Integer, UnitMode> modes = new ConcurrentHashMap<>();
    private final DeviceListener listener;
    private final Thread acceptThread;
    private final Duration shutdownTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ModbusDeviceServer(SimulatedFurnace furnace, InetAddress bind, int port, ModbusServerOptions options)
            throws IOException {
        SortedMap<Integer, UnitImage> images = UnitImage.forFurnace(furnace);
        this.furnaceName = furnace.model().config().furnace();
        this.unitIds = Collections.unmodifiableSortedSet(new TreeSet<>(images.keySet()));
        unitIds.forEach(unit -> modes.put(unit, UnitMode.NORMAL));
        this.shutdownTimeout = options.shutdownTimeout();
        this.listener = new DeviceListener(bind, port, images, unit -> modes.getOrDefault(unit, UnitMode.NORMAL),
                options);
        this.acceptThread = new Thread(listener, listener.getThreadName());
        acceptThread.setDaemon(true);
    }

    /** Starts serving {@code furnace}'s Modbus signals on {@code bind:port} with the default options. */
    public static ModbusDeviceServer start(SimulatedFurnace furnace, InetAddress bind, int port) throws IOException {
        return start(furnace, bind, port, ModbusServerOptions.defaults());
    }

    /**
     * Starts serving the Modbus signals of {@code furnace.signals()} (its variant's I/O list) on {@code bind:port}.
     * Returns once the port is bound.
     *
     * @param port 1..65535; 0 is refused, because the masters are configured with a fixed port (tests pick a free
     *             one first)
     * @throws java.net.BindException if the port is taken
     */
    public static ModbusDeviceServer start(SimulatedFurnace furnace, InetAddress bind, int port,
                                           ModbusServerOptions options) throws IOException {
        Objects.requireNonNull(furnace, "furnace");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(options, "options");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        ModbusDeviceServer server = new ModbusDeviceServer(furnace, bind, port, options);
        server.acceptThread.start();
        log.info("Modbus server for the {} furnace listening on {}, unit ids {}", server.furnaceName,
                server.address(), server.unitIds);
        return server;
    }

    public InetSocketAddress address() {
        return listener.localAddress();
    }

    /** The unit ids served: one per field device of the furnace variant. */
    public SortedSet<Integer> unitIds() {
        return unitIds;
    }

    /**
     * Switches how the device behind {@code unitId} answers, effective from the next request that arrives.
     *
     * @throws IllegalArgumentException if no device has this unit id
     */
    public void setUnitMode(int unitId, UnitMode mode) {
        Objects.requireNonNull(mode, "mode");
        requireUnit(unitId);
        UnitMode previous = modes.put(unitId, mode);
        if (previous != mode) {
            log.info("unit {}: mode {} -> {}", unitId, previous, mode);
        }
    }

    public UnitMode unitMode(int unitId) {
        requireUnit(unitId);
        return modes.get(unitId);
    }

    private void requireUnit(int unitId) {
        if (!unitIds.contains(unitId)) {
            throw new IllegalArgumentException("the " + furnaceName + " furnace has no Modbus unit " + unitId
                    + "; its units are " + unitIds);
        }
    }

    /**
     * Closes every open connection at once, like a gateway losing power; the server keeps accepting new ones.
     *
     * @return how many connections were closed
     */
    public int dropConnections() {
        int dropped = listener.dropConnections("all connections dropped (gateway power loss)");
        log.info("dropped {} connection(s) on {}", dropped, address());
        return dropped;
    }

    /** Connections open now. */
    public int connectionCount() {
        return listener.connectionCount();
    }

    /**
     * Stops accepting, closes every connection and waits up to the options' shutdown timeout for the server's
     * threads to end. The port can be bound again as soon as this returns. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.stop();
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        try {
            acceptThread.join(Math.max(1, shutdownTimeout.toMillis()));
            long left = Math.max(0, deadline - System.nanoTime());
            boolean ended = listener.awaitTermination(Duration.ofNanos(left)) && !acceptThread.isAlive();
            if (!ended) {
                log.warn("Modbus server on {}: threads still running {} ms after close", address(),
                        TimeUnit.NANOSECONDS.toMillis(shutdownTimeout.toNanos()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Modbus server on {}: interrupted while waiting for its threads to end", address());
        }
        log.info("Modbus server for the {} furnace on {} stopped", furnaceName, address());
    }
}
