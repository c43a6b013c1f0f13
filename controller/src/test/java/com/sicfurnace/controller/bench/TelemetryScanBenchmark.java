package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.telemetry.Decimation;
import com.sicfurnace.controller.telemetry.RunTags;
import com.sicfurnace.controller.telemetry.ScanLines;
import com.sicfurnace.controller.telemetry.ScanPoints;
import com.sicfurnace.controller.telemetry.ScanView;
import com.sicfurnace.controller.telemetry.TelemetryFields;
import com.sicfurnace.iolist.IoList;
import java.time.Instant;
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
    private ScanPoints points;
    private ScanView view;
    private Instant scanTime;

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() {
        GrowingFurnace rig = new GrowingFurnace();
        rig.runFor(40.0);
        IoList signals = IoList.fromClasspath().forFurnace("6inch");
        points = new ScanPoints(TelemetryFields.standard(signals), Decimation.everyScan(),
                new RunTags("6inch", "bench", "pvt-6inch"));
        view = new ScanView(rig.in, rig.out, rig.controller);
        scanTime = Instant.parse("2027-01-01T00:00:00Z");
    }

    @Benchmark
    public ScanLines selectOnScanThread() {
        scanTime = scanTime.plusMillis(100);
        return points.select(view, scanTime);
    }

    @Benchmark
    public List<String> selectAndFormat() {
        scanTime = scanTime.plusMillis(100);
        return points.select(view, scanTime).lines();
    }
}
