package com.sicfurnace.controller.io.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.sicfurnace.controller.bench.ChangingOutputs;
import com.sicfurnace.controller.bench.Paced;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.opcua.PlcServer;
import com.sicfurnace.simulator.opcua.PlcServerConfig;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * Per-scan OPC UA I/O time against the simulator's PLC server on loopback (security None), in the same run:
 * <ul>
 *   <li>the adapter as deployed: inputs by subscription, every output written each cycle on its I/O thread;</li>
 *   <li>the adapter's read path (what it does while no subscription is healthy): read every input, write every
 *       output, through its session code with status checks;</li>
 *   <li>a bare Milo loop doing the same read and write, and the same write alone.</li>
 * </ul>
 * Rounds alternate between the contenders so that drift on a noisy machine hits all of them.
 * Usage: OpcUaIoBenchmark [VARIANT] [ROUNDS] [CYCLES_PER_ROUND]
 */
public final class OpcUaIoBenchmark {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private OpcUaIoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args.length > 0 ? args[0] : "6inch";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        IoList signals = IoList.fromClasspath().forFurnace(variant);
        List<SignalSpec> inputs = opcua(signals, Direction.IN);
        List<SignalSpec> outputs = opcua(signals, Direction.OUT);
        Path pki = Files.createTempDirectory("opcua-benchmark");
        int port = FreePort.pick();
        String url = "opc.tcp://127.0.0.1:" + port + PlcServerConfig.DEFAULT_PATH;
        OpcUaSettings settings = OpcUaSettings.insecure(url, pki.resolve("controller"), 100);
        try (PlcServer server = new PlcServer(PlcServerConfig.localDevelopment(port, pki.resolve("plc")),
                new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1));
             OpcUaFurnaceIo adapter = new OpcUaFurnaceIo(signals, settings)) {
            server.start();
            List<NodeBinding> inBindings = inputs.stream().map(OpcUaIoBenchmark::binding).toList();
            List<NodeBinding> outBindings = outputs.stream().map(OpcUaIoBenchmark::binding).toList();
            PlcSession session = new PlcSession(settings, "plc", inBindings, new LiveValues(inBindings));
            OpcUaClient bare = bareClient(url);
            try {
                awaitConnected(adapter, session);
                ProcessImage in = new ProcessImage(signals);
                OutputImage out = new OutputImage();
                ChangingOutputs changing = new ChangingOutputs(outputs);
                List<NodeId> inNodes = inBindings.stream().map(NodeBinding::nodeId).toList();
                List<NodeId> outNodes = outBindings.stream().map(NodeBinding::nodeId).toList();
                Paced.Step adapterScan = i -> {
                    adapter.readInputs(in);
                    changing.fill(out, i);
                    adapter.writeOutputs(out);
                };
                Paced.Step adapterReadPath = i -> {
                    session.readAll();
                    session.write(outBindings, outBindings.stream()
                            .map(b -> b.toDataValue(ChangingOutputs.value(spec(outputs, b), i))).toList());
                };
                Paced.Step bareReadWrite = i -> {
                    bare.readValues(0.0, TimestampsToReturn.Neither, inNodes);
                    bare.writeValues(outNodes, bareValues(outputs, i));
                };
                Paced.Step bareWrite = i -> bare.writeValues(outNodes, bareValues(outputs, i));
                for (Paced.Step warmUp : List.of(adapterScan, adapterReadPath, bareReadWrite, bareWrite)) {
                    Paced.repeat(cycles, PERIOD_NANOS, warmUp);
                }
                Thread.sleep(50);
                Histogram adapterWarmUp = adapter.cycleTimes();
                Histogram scanSide = histogram();
                Histogram readPath = histogram();
                Histogram bareBoth = histogram();
                Histogram bareWriteOnly = histogram();
                for (int r = 0; r < rounds; r++) {
                    scanSide.add(Paced.timed(cycles, PERIOD_NANOS, adapterScan));
                    Thread.sleep(50); // the adapter's last cycle ends before the next contender starts
                    readPath.add(Paced.timed(cycles, PERIOD_NANOS, adapterReadPath));
                    bareBoth.add(Paced.timed(cycles, PERIOD_NANOS, bareReadWrite));
                    bareWriteOnly.add(Paced.timed(cycles, PERIOD_NANOS, bareWrite));
                }
                Histogram deployed = adapter.cycleTimes();
                deployed.subtract(adapterWarmUp);
                System.out.printf("OPC UA (security None), %s: %d inputs, %d outputs, %d rounds of %d cycles at %d ms%n",
                        variant, inputs.size(), outputs.size(), rounds, cycles,
                        TimeUnit.NANOSECONDS.toMillis(PERIOD_NANOS));
                System.out.println("  adapter as deployed (subscription + write)  " + Paced.micros(deployed));
                System.out.println("  adapter read path (read + write)            " + Paced.micros(readPath));
                System.out.println("  bare Milo read + write                      " + Paced.micros(bareBoth));
                System.out.println("  bare Milo write                             " + Paced.micros(bareWriteOnly));
                System.out.println("  adapter read path / bare read + write       " + Paced.ratio(readPath, bareBoth));
                System.out.println("  adapter as deployed / bare write            " + Paced.ratio(deployed, bareWriteOnly));
                System.out.println("  adapter as deployed / bare read + write     " + Paced.ratio(deployed, bareBoth));
                System.out.println("  scan thread's share                         " + Paced.micros(scanSide)
                        + "   (readInputs + writeOutputs; the cycle runs on the adapter's I/O thread)");
            } finally {
                session.close();
                bare.disconnect();
            }
        }
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    private static List<SignalSpec> opcua(IoList signals, Direction direction) {
        return signals.signals().stream()
                .filter(s -> s.protocol() == Protocol.OPCUA && s.direction() == direction).toList();
    }

    private static NodeBinding binding(SignalSpec spec) {
        return new NodeBinding(Signal.byIoName(spec.name()), NodeId.parse(spec.nodeId().orElseThrow()),
                spec.dataType());
    }

    private static SignalSpec spec(List<SignalSpec> specs, NodeBinding binding) {
        return specs.stream().filter(s -> s.name().equals(binding.signal().ioName())).findFirst().orElseThrow();
    }

    private static List<DataValue> bareValues(List<SignalSpec> outputs, int iteration) {
        return outputs.stream().map(s -> {
            double v = ChangingOutputs.value(s, iteration);
            Object typed = s.isBoolean() ? (Object) (v != 0)
                    : s.dataType() == DataType.UINT32 ? (Object) UInteger.valueOf((long) v) : (Object) v;
            return DataValue.valueOnly(new Variant(typed));
        }).toList();
    }

    private static OpcUaClient bareClient(String url) throws Exception {
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                transport -> transport.setConnectTimeout(uint(2_000)),
                config -> config.setRequestTimeout(uint(2_000)));
        client.connect();
        return client;
    }

    private static void awaitConnected(OpcUaFurnaceIo adapter, PlcSession session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!(adapter.connected() && session.ensureConnected())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the adapter did not connect within 15 s");
            }
            adapter.writeOutputs(new OutputImage());
            Thread.sleep(50);
        }
    }
}
