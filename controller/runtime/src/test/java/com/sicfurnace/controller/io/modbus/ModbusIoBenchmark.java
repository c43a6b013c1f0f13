package com.sicfurnace.controller.io.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.sicfurnace.controller.bench.ChangingOutputs;
import com.sicfurnace.controller.bench.Paced;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.ModbusCodec;
import com.sicfurnace.iolist.ModbusTable;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import com.sicfurnace.simulator.modbus.ModbusDeviceServer;
import com.sicfurnace.simulator.model.FurnaceConfigs;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Per-cycle Modbus I/O time (write every output, read every input of every device) through the controller's
 * adapter and through a bare j2mod loop doing the same requests, against the simulator's Modbus server on
 * loopback, in the same run. Rounds alternate between the two so that drift on a noisy machine hits both.
 * Usage: ModbusIoBenchmark [VARIANT] [ROUNDS] [CYCLES_PER_ROUND]
 */
public final class ModbusIoBenchmark {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int TIMEOUT_MS = 200;

    private ModbusIoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args.length > 0 ? args[0] : "6inch";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        IoList signals = IoList.fromClasspath().forFurnace(variant);
        List<SignalSpec> outputs = modbus(signals, Direction.OUT);
        SimulatedFurnace furnace = new SimulatedFurnace(FurnaceConfigs.shipped(variant), 1, 0.1);
        int port = FreePort.pick();
        try (ModbusDeviceServer server = ModbusDeviceServer.start(furnace, InetAddress.getLoopbackAddress(), port);
             ModbusFurnaceIo adapter = new ModbusFurnaceIo(signals, new ModbusSettings("127.0.0.1", port, TIMEOUT_MS,
                     1, 100, 5000, Map.of()), PERIOD_NANOS);
             BareLoop bare = new BareLoop(signals, port)) {
            ProcessImage in = new ProcessImage(signals);
            OutputImage out = new OutputImage();
            ChangingOutputs changing = new ChangingOutputs(outputs);
            Paced.Step adapterScan = i -> {
                adapter.readInputs(in);
                changing.fill(out, i);
                adapter.writeOutputs(out);
            };
            Paced.repeat(cycles, PERIOD_NANOS, adapterScan);
            Paced.timed(cycles, PERIOD_NANOS, bare::cycle);
            Thread.sleep(50);
            Histogram adapterWarmUp = onlyGateway(adapter);
            Histogram bareNanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            Histogram scanSideNanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            for (int r = 0; r < rounds; r++) {
                scanSideNanos.add(Paced.timed(cycles, PERIOD_NANOS, adapterScan));
                Thread.sleep(50); // the adapter's last cycle ends before the bare loop starts
                bareNanos.add(Paced.timed(cycles, PERIOD_NANOS, bare::cycle));
            }
            Histogram adapterNanos = onlyGateway(adapter);
            adapterNanos.subtract(adapterWarmUp);
            System.out.printf("Modbus TCP, %s: %d devices, %d requests per cycle (%d reads, %d writes), %d rounds of "
                            + "%d cycles at %d ms%n", variant, bare.devices.size(), bare.requests(), bare.reads(),
                    bare.writes(), rounds, cycles, TimeUnit.NANOSECONDS.toMillis(PERIOD_NANOS));
            System.out.println("  adapter (ModbusFurnaceIo)  " + Paced.micros(adapterNanos));
            System.out.println("  bare j2mod loop            " + Paced.micros(bareNanos));
            System.out.println("  adapter / bare             " + Paced.ratio(adapterNanos, bareNanos));
            System.out.println("  scan thread's share        " + Paced.micros(scanSideNanos)
                    + "   (readInputs + writeOutputs; the cycle runs on the gateway's poller)");
        }
    }

    private static Histogram onlyGateway(ModbusFurnaceIo adapter) {
        List<Histogram> gateways = adapter.cycleTimes();
        if (gateways.size() != 1) {
            throw new IllegalStateException("expected one gateway, found " + gateways.size());
        }
        return gateways.get(0);
    }

    private static List<SignalSpec> modbus(IoList signals, Direction direction) {
        return signals.signals().stream()
                .filter(s -> s.protocol() == Protocol.MODBUS && s.direction() == direction).toList();
    }

    private static Slot slot(SignalSpec spec) {
        return new Slot(Signal.byIoName(spec.name()), spec, spec.modbus().orElseThrow());
    }

    /** One j2mod master per device, as the adapter has, issuing the same requests without the adapter's logic. */
    private static final class BareLoop implements AutoCloseable {
        private final List<Device> devices = new ArrayList<>();

        private record Device(ModbusTCPMaster master, int unitId, List<ReadBlock> reads, List<Slot> outputs) {
        }

        BareLoop(IoList signals, int port) throws Exception {
            Map<String, List<SignalSpec>> byDevice = new LinkedHashMap<>();
            modbus(signals, Direction.IN).forEach(s -> byDevice.computeIfAbsent(s.device(), d -> new ArrayList<>())
                    .add(s));
            modbus(signals, Direction.OUT).forEach(s -> byDevice.computeIfAbsent(s.device(), d -> new ArrayList<>())
                    .add(s));
            for (List<SignalSpec> specs : byDevice.values()) {
                ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, TIMEOUT_MS, false, false);
                master.connect();
                devices.add(new Device(master, specs.get(0).modbus().orElseThrow().unitId(),
                        ReadBlock.plan(specs.stream().filter(s -> s.direction() == Direction.IN)
                                .map(ModbusIoBenchmark::slot).toList()),
                        specs.stream().filter(s -> s.direction() == Direction.OUT).map(ModbusIoBenchmark::slot)
                                .toList()));
            }
        }

        void cycle(int iteration) throws Exception {
            for (Device d : devices) {
                for (Slot slot : d.outputs()) {
                    double value = ChangingOutputs.value(slot.spec(), iteration);
                    if (slot.address().table() == ModbusTable.COIL) {
                        d.master().writeCoil(d.unitId(), slot.address().address(), value != 0);
                    } else {
                        Register[] registers = Arrays.stream(ModbusCodec.encode(slot.address(), value))
                                .mapToObj(SimpleRegister::new).toArray(Register[]::new);
                        d.master().writeMultipleRegisters(d.unitId(), slot.address().address(), registers);
                    }
                }
                for (ReadBlock block : d.reads()) {
                    if (block.table() == ModbusTable.INPUT_REGISTER) {
                        d.master().readInputRegisters(d.unitId(), block.start(), block.count());
                    } else {
                        d.master().readInputDiscretes(d.unitId(), block.start(), block.count());
                    }
                }
            }
        }

        int reads() {
            return devices.stream().mapToInt(d -> d.reads().size()).sum();
        }

        int writes() {
            return devices.stream().mapToInt(d -> d.outputs().size()).sum();
        }

        int requests() {
            return reads() + writes();
        }

        @Override
        public void close() {
            devices.forEach(d -> d.master().disconnect());
        }
    }
}
