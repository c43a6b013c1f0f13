package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.iolist.WordOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the Modbus devices: the default gateway and, per I/O-list device, an optional other gateway and an
 * optional word order that differs from the I/O list (some device firmwares swap words). Timeouts and retries
 * apply to every request; a lost device is reconnected with a back-off between {@code reconnectMinMs} and
 * {@code reconnectMaxMs}.
 */
public record ModbusSettings(String host, int port, int timeoutMs, int retries, int reconnectMinMs,
                             int reconnectMaxMs, Map<String, DeviceEndpoint> devices) {

    /** Where one device is reached, if not at the default gateway, and its word order if not the list's. */
    public record DeviceEndpoint(Optional<String> host, Optional<Integer> port, Optional<WordOrder> wordOrder) {
        public DeviceEndpoint {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(wordOrder, "wordOrder");
        }
    }

    public ModbusSettings {
        Objects.requireNonNull(host, "modbus host");
        devices = Map.copyOf(devices);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("modbus port must be 1..65535, not " + port);
        }
        if (timeoutMs < 10 || retries < 1 || reconnectMinMs < 1 || reconnectMaxMs < reconnectMinMs) {
            throw new IllegalArgumentException("modbus: timeout_ms >= 10, retries >= 1, and 1 <= reconnect_min_ms "
                    + "<= reconnect_max_ms");
        }
    }

    public static ModbusSettings loopback(int port) {
        return new ModbusSettings("127.0.0.1", port, 200, 1, 100, 5000, Map.of());
    }

    String hostOf(String device) {
        return Optional.ofNullable(devices.get(device)).flatMap(DeviceEndpoint::host).orElse(host);
    }

    int portOf(String device) {
        return Optional.ofNullable(devices.get(device)).flatMap(DeviceEndpoint::port).orElse(port);
    }

    Optional<WordOrder> wordOrderOf(String device) {
        return Optional.ofNullable(devices.get(device)).flatMap(DeviceEndpoint::wordOrder);
    }
}
