package com.sicfurnace.controller.io.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.sicfurnace.controller.io.DeviceIoMeters;
import com.sicfurnace.controller.io.IoErrorKind;
import com.sicfurnace.controller.io.RefusedWrites;
import com.sicfurnace.controller.io.SignalCache;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.ModbusCodec;
import com.sicfurnace.iolist.ModbusTable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus device (one unit id) on its own connection: reads its inputs in as few requests as possible, writes
 * its outputs when they change (and all of them again after a reconnect or every {@code REFRESH_CYCLES}), and
 * reconnects with a back-off when the device is lost. Runs on its gateway's poller thread only.
 *
 * <p>j2mod pitfalls handled here: after any {@link ModbusIOException} the connection is dropped before the next
 * request, because a late answer would otherwise be taken as the reply to the next request; retries are set after
 * each connect, because {@code connect()} resets them.
 */
final class ModbusDeviceClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusDeviceClient.class);
    private static final int REFRESH_CYCLES = 100;
    /** Readings may overshoot their range a little (noise at a floor); beyond this share of the span they cannot. */
    private static final double PLAUSIBLE_MARGIN = 0.05;
    private static final Set<IoErrorKind> ERROR_KINDS = EnumSet.of(IoErrorKind.TIMEOUT, IoErrorKind.DISCONNECTED,
            IoErrorKind.CONNECT_FAILED, IoErrorKind.EXCEPTION_RESPONSE, IoErrorKind.REFUSED_WRITE,
            IoErrorKind.IMPLAUSIBLE_VALUE, IoErrorKind.REQUEST_FAILED);

    private final String device;
    private final int unitId;
    private final String host;
    private final int port;
    private final ModbusSettings settings;
    private final List<ReadBlock> reads;
    private final List<Signal> inputSignals;
    private final SignalCache cache;
    private final List<Slot> outputs;
    private final double[] written;
    private final Set<String> warnedImplausible = new HashSet<>();
    private final DeviceIoMeters meters;
    private final RefusedWrites refusals;
    private ModbusTCPMaster master;
    private long nextAttemptNanos;
    private int backoffMs;
    private int cyclesSinceRefresh;
    /** Written by the poller, read by the connection gauge. */
    private volatile Link link = Link.NOT_YET_CONNECTED;

    private enum Link { NOT_YET_CONNECTED, ANSWERING, LOST }

    ModbusDeviceClient(String device, int unitId, ModbusSettings settings, List<Slot> inputs, List<Slot> outputs,
                       RefusedWrites refusals, SignalCache cache) {
        this.device = device;
        this.unitId = unitId;
        this.host = settings.hostOf(device);
        this.port = settings.portOf(device);
        this.settings = settings;
        this.reads = ReadBlock.plan(inputs);
        this.inputSignals = inputs.stream().map(Slot::signal).toList();
        this.cache = cache;
        this.outputs = List.copyOf(outputs);
        this.written = new double[outputs.size()];
        this.refusals = refusals;
        this.backoffMs = settings.reconnectMinMs();
        this.meters = new DeviceIoMeters(device, "modbus", ERROR_KINDS, () -> link == Link.ANSWERING);
        forgetWrites();
    }

    /** A j2mod request; timed by {@link #timed}. */
    private interface Request<T> {
        T send() throws ModbusException;
    }

    /** One poll: connect if due, write what changed, read every input into the cache. */
    void cycle(OutputImage out) {
        if (master == null && !connect()) {
            return;
        }
        try {
            write(out);
            for (ReadBlock block : reads) {
                read(block);
            }
            if (link == Link.LOST) {
                LOG.info("device={} unit={} gateway={}:{} communication restored", device, unitId, host, port);
            }
            link = Link.ANSWERING;
        } catch (ModbusIOException e) {
            meters.error(kindOf(e));
            drop("no answer: " + e.getMessage());
        } catch (RuntimeException e) {
            // j2mod can fail unchecked on a half-closed socket; never let that stop the gateway's poller
            LOG.error("device={} unit={} unexpected failure, reconnecting: {}", device, unitId, e.toString(), e);
            meters.error(IoErrorKind.REQUEST_FAILED);
            drop("unexpected failure: " + e);
        }
    }

    /**
     * A request j2mod failed for another reason than the connection (e.g. a malformed answer); it is dropped like
     * a connection failure but counted as what it is.
     */
    private static final class RequestFailed extends ModbusIOException {
        RequestFailed(String message) {
            super(message);
        }
    }

    /** j2mod keeps only the message of the socket failure: a read that timed out says so. */
    private static IoErrorKind kindOf(ModbusIOException e) {
        if (e instanceof RequestFailed) {
            return IoErrorKind.REQUEST_FAILED;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("timed out") || message.contains("timeout") ? IoErrorKind.TIMEOUT
                : IoErrorKind.DISCONNECTED;
    }

    private <T> T timed(DeviceIoMeters.Operation operation, Request<T> request) throws ModbusException {
        long start = System.nanoTime();
        try {
            return request.send();
        } finally {
            meters.request(operation, System.nanoTime() - start);
        }
    }

    private boolean connect() {
        if (System.nanoTime() < nextAttemptNanos) {
            return false;
        }
        ModbusTCPMaster m = new ModbusTCPMaster(host, port, settings.timeoutMs(), false, false);
        try {
            m.connect();
            m.setRetries(settings.retries());
            master = m;
            backoffMs = settings.reconnectMinMs();
            forgetWrites();
            return true;
        } catch (Exception e) { // j2mod's connect throws a bare Exception
            m.disconnect();
            meters.error(IoErrorKind.CONNECT_FAILED);
            schedule("cannot connect: " + e.getMessage());
            return false;
        }
    }

    private void drop(String why) {
        master.disconnect();
        master = null;
        cache.invalidate(inputSignals);
        schedule(why);
    }

    private void schedule(String why) {
        if (link != Link.LOST) {
            LOG.warn("device={} unit={} gateway={}:{} lost, retrying every {}..{} ms: {}", device, unitId, host, port,
                    settings.reconnectMinMs(), settings.reconnectMaxMs(), why);
            link = Link.LOST;
        }
        nextAttemptNanos = System.nanoTime() + backoffMs * 1_000_000L;
        backoffMs = Math.min(settings.reconnectMaxMs(), backoffMs * 2);
    }

    private void write(OutputImage out) throws ModbusIOException {
        boolean refresh = ++cyclesSinceRefresh >= REFRESH_CYCLES;
        if (refresh) {
            cyclesSinceRefresh = 0;
        }
        for (int i = 0; i < outputs.size(); i++) {
            Slot slot = outputs.get(i);
            double value = out.value(slot.signal());
            boolean changed = Double.compare(value, written[i]) != 0;
            // a refused value is not repeated at every refresh, only when it changes or its retry is due
            if (changed || refresh && (!refusals.isRefused(slot.signal()) || refusals.retryDue(slot.signal(),
                    System.nanoTime()))) {
                writeOne(slot, value);
                written[i] = value;
            }
        }
    }

    private void writeOne(Slot slot, double value) throws ModbusIOException {
        try {
            if (slot.address().table() == ModbusTable.COIL) {
                timed(DeviceIoMeters.Operation.WRITE, () -> master.writeCoil(unitId, slot.address().address(),
                        value != 0));
            } else {
                int[] words = ModbusCodec.encode(slot.address(), value);
                Register[] registers = Arrays.stream(words).mapToObj(SimpleRegister::new).toArray(Register[]::new);
                timed(DeviceIoMeters.Operation.WRITE, () -> master.writeMultipleRegisters(unitId,
                        slot.address().address(), registers));
            }
            refusals.accepted(slot.signal(), device);
        } catch (ModbusSlaveException e) {
            meters.error(IoErrorKind.REFUSED_WRITE);
            refusals.refused(slot.signal(), value, device + " unit " + unitId, String.format(Locale.ROOT,
                    "exception code %d (%s) at %s %d", e.getType(), e.getMessage(),
                    slot.address().table().name().toLowerCase(Locale.ROOT), slot.address().address()),
                    System.nanoTime());
        } catch (IllegalArgumentException e) {
            LOG.error("device={} cannot encode {} = {}: {}", device, slot.spec().name(), value, e.getMessage());
        } catch (ModbusIOException e) {
            throw e;
        } catch (ModbusException e) {
            throw new RequestFailed("write of " + slot.spec().name() + " failed: " + e.getMessage());
        }
    }

    private void read(ReadBlock block) throws ModbusIOException {
        try {
            switch (block.table()) {
                case INPUT_REGISTER -> decodeRegisters(block, words(timed(DeviceIoMeters.Operation.READ,
                        () -> master.readInputRegisters(unitId, block.start(), block.count()))));
                case DISCRETE_INPUT -> decodeBits(block, timed(DeviceIoMeters.Operation.READ,
                        () -> master.readInputDiscretes(unitId, block.start(), block.count())));
                default -> throw new IllegalStateException("inputs are read from input tables, not " + block.table());
            }
        } catch (ModbusSlaveException e) {
            meters.error(IoErrorKind.EXCEPTION_RESPONSE);
            LOG.error("device={} unit={} answered exception code {} ({}) to a read of {} {}..{}; its signals are bad",
                    device, unitId, e.getType(), e.getMessage(), block.table().name().toLowerCase(), block.start(),
                    block.start() + block.count() - 1);
            block.slots().forEach(s -> cache.publish(s.signal(), Double.NaN, Quality.BAD));
        } catch (ModbusIOException e) {
            throw e;
        } catch (ModbusException e) {
            throw new RequestFailed("read failed: " + e.getMessage());
        }
    }

    private static int[] words(InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = registers[i].getValue() & 0xFFFF;
        }
        return words;
    }

    private void decodeRegisters(ReadBlock block, int[] words) {
        for (Slot slot : block.slots()) {
            double value = ModbusCodec.decode(slot.address(), words, slot.address().address() - block.start());
            cache.publish(slot.signal(), value, plausible(slot, value) ? Quality.GOOD : Quality.BAD);
        }
    }

    private void decodeBits(ReadBlock block, BitVector bits) {
        for (Slot slot : block.slots()) {
            cache.publish(slot.signal(), bits.getBit(slot.address().address() - block.start()) ? 1.0 : 0.0,
                    Quality.GOOD);
        }
    }

    /**
     * A value well outside its instrument's range is not a measurement: most often the word order or the scale
     * configured for the device is wrong (a word-swapped float decodes to a wild number unless its low word is
     * zero). Said once per signal and treated as bad.
     */
    private boolean plausible(Slot slot, double value) {
        double span = PLAUSIBLE_MARGIN * (slot.spec().maximum() - slot.spec().minimum());
        boolean plausible = !Double.isNaN(value) && value >= slot.spec().minimum() - span
                && value <= slot.spec().maximum() + span;
        if (!plausible) {
            meters.error(IoErrorKind.IMPLAUSIBLE_VALUE);
        }
        if (!plausible && warnedImplausible.add(slot.spec().name())) {
            LOG.error("device={} unit={} {} reads {} {}, far outside its range {}..{}: check the word order ({}) and "
                            + "scale configured for this device", device, unitId, slot.spec().name(), value,
                    slot.spec().unit(), slot.spec().minimum(), slot.spec().maximum(), slot.address().wordOrder());
        }
        return plausible;
    }

    DeviceIoMeters meters() {
        return meters;
    }

    private void forgetWrites() {
        Arrays.fill(written, Double.NaN);
    }

    @Override
    public void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }
}
