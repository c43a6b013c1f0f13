package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.controller.io.DeviceIoMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * The Modbus adapter's meters: per device ({@code protocol="modbus"}) the time of every read and write request,
 * errors by kind (timeouts, broken connections, failed connects, exception responses, refused writes, implausible
 * readings) and whether it is connected. Recorded on the gateways' poller threads, never on the scan thread.
 */
final class ModbusMetrics implements MeterBinder {
    private final List<DeviceIoMeters> devices;

    ModbusMetrics(List<DeviceIoMeters> devices) {
        this.devices = List.copyOf(devices);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        devices.forEach(device -> device.bindTo(registry));
    }
}
