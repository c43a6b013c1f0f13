package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.Signal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus gateway (host and port) and the devices behind it, polled by one thread so that requests to the
 * gateway are serialised. Each scan requests a cycle; a cycle writes every device's changed outputs and reads its
 * inputs. Requests that arrive while a cycle runs are merged into the next cycle (with the newest outputs), so a
 * slow device never queues work up.
 */
final class ModbusGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusGateway.class);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String name;
    private final List<ModbusDeviceClient> devices;
    private final List<Signal> outputSignals;
    private final OutputImage outputs = new OutputImage();
    private final Histogram cycleNanos = new Histogram(HIGHEST_NANOS, 3);
    private final Thread thread;
    private boolean requested;
    private volatile boolean running = true;

    ModbusGateway(String name, List<ModbusDeviceClient> devices, List<Signal> outputSignals) {
        this.name = name;
        this.devices = List.copyOf(devices);
        this.outputSignals = List.copyOf(outputSignals);
        this.thread = new Thread(this::run, "modbus-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands the newest outputs to the poller and asks for a cycle. Never blocks on the network. */
    synchronized void requestCycle(OutputImage latest) {
        for (Signal s : outputSignals) {
            outputs.set(s, latest.value(s));
        }
        requested = true;
        notifyAll();
    }

    private void run() {
        OutputImage snapshot = new OutputImage();
        while (running) {
            if (!awaitRequest(snapshot)) {
                return;
            }
            long start = System.nanoTime();
            for (ModbusDeviceClient device : devices) {
                device.cycle(snapshot);
            }
            synchronized (cycleNanos) {
                cycleNanos.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
            }
        }
    }

    private synchronized boolean awaitRequest(OutputImage snapshot) {
        while (!requested && running) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        requested = false;
        for (Signal s : outputSignals) {
            snapshot.set(s, outputs.value(s));
        }
        return running;
    }

    /** Time one cycle took (write changed outputs, read all inputs of every device), nanoseconds. */
    Histogram cycleTimes() {
        synchronized (cycleNanos) {
            return cycleNanos.copy();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("modbus gateway {} poller did not stop within 5 s", name);
        }
        devices.forEach(ModbusDeviceClient::close);
    }
}
