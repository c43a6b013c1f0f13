package com.sicfurnace.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reads while the simulation thread steps the model under the furnace's lock. */
class ModbusConcurrencyTest {
    /** Two setpoints whose high words differ and whose low words differ: a torn read would be neither. */
    private static final double A = 12.345f;
    private static final double B = 37.891f;

    @Test
    void readsDuringSimulationStepsAreConsistentSnapshots() throws Exception {
        try (ServerFixture fixture = new ServerFixture("6inch")) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger steps = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch firstStep = new CountDownLatch(1);
            Thread simulation = new Thread(() -> {
                try {
                    while (running.get()) {
                        synchronized (fixture.furnace) {
                            int step = steps.incrementAndGet();
                            boolean even = step % 2 == 0;
                            // Enable and reset always change together, with a model step in between: a read that
                            // did not hold the lock would see them differ.
                            fixture.furnace.write("ps1_output_enable", even ? 1.0 : 0.0);
                            fixture.furnace.write("ps1_power_sp_kw", even ? A : B);
                            fixture.furnace.write("controller_heartbeat", step % 1000);
                            fixture.furnace.advance(0.1);
                            fixture.furnace.write("ps1_fault_reset", even ? 1.0 : 0.0);
                        }
                        firstStep.countDown();
                    }
                } catch (RuntimeException | Error e) {
                    failure.set(e);
                }
            }, "simulation");
            simulation.start();
            assertTrue(firstStep.await(1, TimeUnit.SECONDS));

            ModbusTCPMaster master = fixture.master(1000);
            Set<Double> setpoints = new HashSet<>();
            Set<Boolean> pairs = new HashSet<>();
            int stepsBefore = steps.get();
            try {
                for (int i = 0; i < 1000; i++) {
                    setpoints.add(ModbusCodecs.decode(fixture, "ps1_power_sp_kw",
                            master.readMultipleRegisters(1, 0, 2)));
                    BitVector enableAndReset = master.readCoils(1, 0, 2);
                    assertEquals(enableAndReset.getBit(0), enableAndReset.getBit(1), "read " + i + " is one snapshot");
                    pairs.add(enableAndReset.getBit(0));
                    InputRegister[] readings = master.readInputRegisters(1, 0, 12);
                    assertEquals(12, readings.length);
                    double power = ModbusCodecs.decode(fixture, "ps1_power_kw", readings);
                    assertTrue(Double.isFinite(power), "power reading " + power);
                }
            } finally {
                master.disconnect();
                running.set(false);
                simulation.join(1000);
            }
            assertNull(failure.get(), "the simulation thread ran without exceptions");
            assertEquals(Set.of(A, B), setpoints, "only whole values, both of them, were read");
            assertEquals(Set.of(true, false), pairs, "the coils were read in both states");
            assertTrue(steps.get() - stepsBefore > 100, "the model was stepped while reading: "
                    + (steps.get() - stepsBefore) + " steps");
        }
    }
}
