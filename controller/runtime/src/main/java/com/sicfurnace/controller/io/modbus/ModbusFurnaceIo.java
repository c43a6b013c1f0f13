package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.controller.io.RefusedWrites;
import com.sicfurnace.controller.io.SignalCache;
import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.Direction;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.Protocol;
import com.sicfurnace.iolist.SignalSpec;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modbus part of the furnace: every Modbus signal of the I/O list, one connection per device, one poller per
 * gateway. {@link #readInputs} takes what the pollers delivered since the previous scan (the rest is stale);
 * {@link #writeOutputs} hands the outputs over and starts the next poll. The scan thread never waits on the
 * network.
 */
public final class ModbusFurnaceIo implements FurnaceIo {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusFurnaceIo.class);

    private final SignalCache cache;
    private final RefusedWrites refusals;
    private final List<ModbusGateway> gateways = new ArrayList<>();
    private final ModbusMetrics metrics;

    /**
     * @param furnaceSignals the I/O list of this furnace variant
     * @param periodNanos    the scan period in wall time. A gateway's devices are polled one after the other, so a
     *                       value is stale once it is older than a whole poll cycle in which every device of its
     *                       gateway timed out, plus two periods: one silent device then never makes its neighbours
     *                       look lost, at any speed; its own values are invalidated at once when it times out.
     */
    public ModbusFurnaceIo(IoList furnaceSignals, ModbusSettings settings, long periodNanos) {
        List<SignalSpec> modbus = furnaceSignals.signals().stream()
                .filter(s -> s.protocol() == Protocol.MODBUS).toList();
        long devicesPerGateway = byDevice(modbus).keySet().stream()
                .collect(Collectors.groupingBy(d -> settings.hostOf(d) + ":" + settings.portOf(d),
                        Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(1);
        long pollCycleNanos = devicesPerGateway * settings.retries() * settings.timeoutMs() * 1_000_000L;
        this.cache = new SignalCache(modbus.stream().filter(s -> s.direction() == Direction.IN)
                .map(s -> Signal.byIoName(s.name())).toList(), pollCycleNanos + 2 * periodNanos);
        this.refusals = new RefusedWrites(modbus.stream().filter(s -> s.direction() == Direction.OUT)
                .map(s -> Signal.byIoName(s.name())).toList());
        Map<String, List<ModbusDeviceClient>> byGateway = new LinkedHashMap<>();
        Map<String, List<Signal>> outputsByGateway = new LinkedHashMap<>();
        List<ModbusDeviceClient> devices = new ArrayList<>();
        for (Map.Entry<String, List<SignalSpec>> device : byDevice(modbus).entrySet()) {
            String gateway = settings.hostOf(device.getKey()) + ":" + settings.portOf(device.getKey());
            ModbusDeviceClient client = client(device.getKey(), device.getValue(), settings, cache, refusals);
            devices.add(client);
            byGateway.computeIfAbsent(gateway, g -> new ArrayList<>()).add(client);
            device.getValue().stream().filter(s -> s.direction() == Direction.OUT)
                    .forEach(s -> outputsByGateway.computeIfAbsent(gateway, g -> new ArrayList<>())
                            .add(Signal.byIoName(s.name())));
        }
        byGateway.forEach((gateway, clients) -> gateways.add(new ModbusGateway(gateway, clients,
                outputsByGateway.getOrDefault(gateway, List.of()))));
        this.metrics = new ModbusMetrics(devices.stream().map(ModbusDeviceClient::meters).toList());
        LOG.info("modbus: {} devices on gateways {}", byDevice(modbus).size(), byGateway.keySet());
    }

    private static Map<String, List<SignalSpec>> byDevice(List<SignalSpec> modbus) {
        Map<String, List<SignalSpec>> devices = new LinkedHashMap<>();
        modbus.forEach(s -> devices.computeIfAbsent(s.device(), d -> new ArrayList<>()).add(s));
        return devices;
    }

    private static ModbusDeviceClient client(String device, List<SignalSpec> specs, ModbusSettings settings,
                                             SignalCache cache, RefusedWrites refusals) {
        int unitId = specs.get(0).modbus().orElseThrow().unitId();
        List<Slot> inputs = new ArrayList<>();
        List<Slot> outputs = new ArrayList<>();
        for (SignalSpec spec : specs) {
            ModbusAddress listed = spec.modbus().orElseThrow();
            if (listed.unitId() != unitId) {
                throw new IllegalArgumentException("device '" + device + "' has signals on unit ids " + unitId
                        + " and " + listed.unitId() + " (" + spec.name() + ")");
            }
            ModbusAddress address = settings.wordOrderOf(device).filter(o -> listed.wordOrder() != null)
                    .map(o -> new ModbusAddress(listed.unitId(), listed.table(), listed.address(), listed.dataType(), o,
                            listed.scale())).orElse(listed);
            (spec.direction() == Direction.IN ? inputs : outputs).add(new Slot(Signal.byIoName(spec.name()), spec,
                    address));
        }
        return new ModbusDeviceClient(device, unitId, settings, inputs, outputs, refusals, cache);
    }

    @Override
    public void readInputs(ProcessImage image) {
        cache.drainInto(image);
        refusals.markInto(image);
    }

    @Override
    public void writeOutputs(OutputImage outputs) {
        for (ModbusGateway gateway : gateways) {
            gateway.requestCycle(outputs);
        }
    }

    /** Per gateway, the time one poll cycle took, nanoseconds. */
    public List<Histogram> cycleTimes() {
        return gateways.stream().map(ModbusGateway::cycleTimes).toList();
    }

    /** The meters of every device; see {@link ModbusMetrics}. */
    public MeterBinder metrics() {
        return metrics;
    }

    @Override
    public void close() {
        gateways.forEach(ModbusGateway::close);
    }
}
