package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.snapshot.SnapshotTaker;
import com.sicfurnace.iolist.IoList;
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
 * baseline), the core's scan step alone (commands, read inputs, scan, write outputs, snapshot and publication), the
 * full iteration (scan step and model step), and the snapshot alone (with {@code -prof gc}: its allocation per scan).
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
    private SnapshotTaker snapshots;
    private ProcessImage in;
    private final OutputImage out = new OutputImage();
    private ScanSnapshot grown;
    private long scan;

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() {
        rig = new GrowingFurnace();
        rig.runFor(40.0);
        grown = rig.scan();
        in = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));
        for (Signal s : Signal.values()) {
            if (in.present(s) && s.isInput()) {
                in.update(s, grown.value(s), Quality.GOOD);
            } else if (in.present(s)) {
                out.set(s, grown.value(s));
            }
        }
        snapshots = new SnapshotTaker(in);
    }

    @Benchmark
    public double modelStep() {
        rig.furnace.advance(rig.periodS);
        return rig.furnace.model().pressureMbar();
    }

    @Benchmark
    public double scanStep() {
        return rig.scan().value(Signal.PS1_POWER_SP_KW);
    }

    @Benchmark
    public double scanPlusModelStep() {
        rig.iterate();
        return rig.furnace.model().pressureMbar();
    }

    @Benchmark
    public ScanSnapshot snapshot() {
        return snapshots.take(++scan, grown.time(), in, out, grown.loops(), grown.run(), grown.alarmBoard(),
                grown.safety(), grown.tunings(), grown.lastEventSeq());
    }
}
