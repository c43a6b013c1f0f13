package com.sicfurnace.controller.io.opcua;

import com.sicfurnace.controller.io.RefusedWrites;
import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PLC over OPC UA. Inputs arrive by subscription at the scan rate; while no healthy subscription exists (just
 * connected, or recreating after a server restart) they are read in one call per scan instead. Outputs that
 * changed are written in one call per scan, each item's status checked. All network work happens on one I/O
 * thread that every scan wakes; the scan thread never waits on the network.
 *
 * <p>Inputs are fresh while the session is active and the values come from a healthy subscription or from a read
 * in this cycle; otherwise the scan sees them stale (and the core's communication policy takes over).
 */
public final class OpcUaFurnaceIo implements FurnaceIo {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaFurnaceIo.class);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final List<NodeBinding> inputs;
    private final List<NodeBinding> outputs;
    private final PlcSession session;
    private final OpcUaMetrics metrics;
    private final LiveValues live;
    private final OutputImage pending = new OutputImage();
    private final Histogram cycleNanos = new Histogram(HIGHEST_NANOS, 3);
    private final Thread thread;
    private final double[] written;
    private final RefusedWrites refusals;
    private final String device;
    private boolean requested;
    private volatile boolean running = true;

    public OpcUaFurnaceIo(IoList furnaceSignals, OpcUaSettings settings) {
        List<NodeBinding> in = new ArrayList<>();
        List<NodeBinding> out = new ArrayList<>();
        for (SignalSpec spec : furnaceSignals.signals()) {
            if (spec.protocol() == Protocol.OPCUA) {
                NodeBinding binding = new NodeBinding(Signal.byIoName(spec.name()),
                        NodeId.parse(spec.nodeId().orElseThrow()), spec.dataType());
                (spec.direction() == Direction.IN ? in : out).add(binding);
            }
        }
        this.inputs = List.copyOf(in);
        this.outputs = List.copyOf(out);
        this.written = new double[outputs.size()];
        this.live = new LiveValues(inputs);
        this.device = furnaceSignals.signals().stream().filter(s -> s.protocol() == Protocol.OPCUA)
                .map(SignalSpec::device).findFirst().orElse("plc");
        this.refusals = new RefusedWrites(outputs.stream().map(NodeBinding::signal).toList());
        this.session = new PlcSession(settings, device, inputs, live);
        this.metrics = new OpcUaMetrics(session);
        this.thread = new Thread(this::run, "opcua-io");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void readInputs(ProcessImage image) {
        live.drainInto(image, session.dataFlowing());
        refusals.markInto(image);
    }

    @Override
    public synchronized void writeOutputs(OutputImage latest) {
        for (NodeBinding b : outputs) {
            pending.set(b.signal(), latest.value(b.signal()));
        }
        requested = true;
        notifyAll();
    }

    private void run() {
        OutputImage snapshot = new OutputImage();
        while (awaitRequest(snapshot)) {
            long start = System.nanoTime();
            try {
                cycle(snapshot);
            } catch (RuntimeException e) {
                LOG.error("opcua cycle failed: {}", e.toString(), e);
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
        for (NodeBinding b : outputs) {
            snapshot.set(b.signal(), pending.value(b.signal()));
        }
        return running;
    }

    private void cycle(OutputImage snapshot) {
        if (!session.ensureConnected()) {
            forgetWrites();
            return;
        }
        if (!session.subscriptionHealthy()) {
            session.readAll();
        }
        writeChanged(snapshot);
    }

    private void writeChanged(OutputImage snapshot) {
        List<NodeBinding> changed = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < outputs.size(); i++) {
            Signal signal = outputs.get(i).signal();
            if (Double.compare(snapshot.value(signal), written[i]) != 0 || refusals.retryDue(signal, now)) {
                changed.add(outputs.get(i));
                indexes.add(i);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        List<DataValue> values = changed.stream().map(b -> b.toDataValue(snapshot.value(b.signal()))).toList();
        List<StatusCode> results = session.write(changed, values);
        for (int k = 0; k < results.size(); k++) {
            Signal signal = changed.get(k).signal();
            double value = snapshot.value(signal);
            // a refused value counts as written: it is sent again when it changes or its retry is due
            written[indexes.get(k)] = value;
            if (results.get(k).isGood()) {
                refusals.accepted(signal, device);
            } else {
                refusals.refused(signal, value, device, results.get(k).toString(), now);
            }
        }
    }

    private void forgetWrites() {
        Arrays.fill(written, Double.NaN);
    }

    /** Time one I/O cycle took (reads when needed, writes of changed outputs), nanoseconds. */
    public Histogram cycleTimes() {
        synchronized (cycleNanos) {
            return cycleNanos.copy();
        }
    }

    /** True while the session is active and inputs arrive (by subscription or by read). */
    public boolean connected() {
        return session.dataFlowing();
    }

    /** The PLC connection's meters; see {@link OpcUaMetrics}. */
    public MeterBinder metrics() {
        return metrics;
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
        session.close();
    }
}
