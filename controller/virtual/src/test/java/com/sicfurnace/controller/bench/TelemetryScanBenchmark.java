package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.ScanLines;
import com.sicfurnace.controller.telemetry.ScanPoints;
import com.sicfurnace.controller.telemetry.TelemetryFields;
import com.sicfurnace.iolist.IoList;
import java.util.List;
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
 * What telemetry costs per scan of the 6-inch furnace in its growth soak, every value every scan: the scan thread's
 * share (selecting the values due) and the whole of it (selecting and formatting line protocol, which the telemetry
 * writer thread does). Run: scripts/benchmark-telemetry
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TelemetryScanBenchmark {
    /** Consecutive scans of the growth soak, replayed in a loop. */
    private static final int SCANS = 1000;
    private final ScanSnapshot[] soak = new ScanSnapshot[SCANS];
    private ScanPoints points;
    private int next;

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() {
        GrowingFurnace rig = new GrowingFurnace();
        rig.runFor(40.0);
        for (int i = 0; i < SCANS; i++) {
            soak[i] = rig.scan();
            rig.furnace.advance(rig.periodS);
        }
        points = new ScanPoints(TelemetryFields.standard(Catalogue.of(IoList.fromClasspath().forFurnace("6inch"))),
                Decimation.everyScan(), new RunTags("6inch", "bench", "pvt-6inch"));
    }

    private ScanSnapshot nextScan() {
        next = (next + 1) % SCANS;
        return soak[next];
    }

    @Benchmark
    public ScanLines selectOnScanThread() {
        return points.select(nextScan());
    }

    @Benchmark
    public List<String> selectAndFormat() {
        return points.select(nextScan()).lines();
    }
}
