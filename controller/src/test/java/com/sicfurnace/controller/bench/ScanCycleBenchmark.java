package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.core.Signal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one virtual-time iteration in the growth soak of the 6-inch recipe: the model step alone (the
 * baseline), the controller's scan alone, and the full iteration (read inputs, scan, write outputs, model step).
 * Run: scripts/benchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanCycleBenchmark {
    private GrowingFurnace rig;
    private Instant scanTime;

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() {
        rig = new GrowingFurnace();
        rig.runFor(40.0);
        scanTime = Instant.parse("2027-01-01T00:00:00Z");
    }

    @Benchmark
    public double modelStep() {
        rig.furnace.advance(rig.periodS);
        return rig.furnace.model().pressureMbar();
    }

    @Benchmark
    public double controllerScan() {
        scanTime = scanTime.plusMillis(100);
        rig.controller.scan(rig.in, rig.out, scanTime);
        return rig.out.value(Signal.PS1_POWER_SP_KW);
    }

    @Benchmark
    public double scanPlusModelStep() {
        rig.iterate();
        return rig.out.value(Signal.PS1_POWER_SP_KW);
    }
}
