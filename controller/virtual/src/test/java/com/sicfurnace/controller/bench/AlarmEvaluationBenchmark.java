package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.alarm.AlarmDefinition;
import com.sicfurnace.controller.alarm.AlarmInputs;
import com.sicfurnace.controller.alarm.AlarmKind;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.alarm.Alarms;
import com.sicfurnace.controller.alarm.ControllerValue;
import com.sicfurnace.controller.alarm.ProcessAlarms;
import com.sicfurnace.controller.event.EventLog;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * Alarm evaluation per scan, in the growth soak of the 6-inch recipe: 200 definitions (the profile's own and
 * generated high, low, deviation, rate and discrete alarms on the furnace's inputs, all normal as in a healthy
 * run), the profile's own definitions alone, and the whole scan step for the ratio. Each operation is one scan's
 * evaluation: the time moves on 100 ms, every definition is evaluated, shelves, flood and chatter are judged.
 * Run: scripts/benchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlarmEvaluationBenchmark {
    static final int DEFINITIONS = 200;
    private GrowingFurnace rig;
    private Evaluation all;
    private Evaluation shipped;

    /** One controller's alarm state machine and its data-driven evaluator, on a fixed set of inputs. */
    private static final class Evaluation {
        final EventLog log = new EventLog();
        final Alarms alarms;
        final ProcessAlarms process;
        final AlarmInputs inputs;
        Instant now = Instant.parse("2026-01-05T06:00:00Z");

        Evaluation(FurnaceProfile profile, List<AlarmDefinition> definitions, ScanSnapshot grown) {
            alarms = new Alarms(log, profile.alarms().settings(), definitions);
            Set<String> devices = new TreeSet<>();
            definitions.forEach(d -> devices.addAll(d.devices()));
            process = new ProcessAlarms(alarms, s -> s.isInput() && !Double.isNaN(grown.value(s)), devices);
            inputs = new SnapshotInputs(grown);
        }

        int scan() {
            now = now.plus(Duration.ofMillis(100));
            log.setTime(now);
            process.evaluate(inputs, 0, 0.1);
            alarms.endScan();
            log.drain();
            return alarms.board().active().size();
        }
    }

    /** A grown furnace's inputs and loops, every device answering. */
    private record SnapshotInputs(ScanSnapshot s) implements AlarmInputs {
        @Override
        public double value(Signal signal) {
            return s.value(signal);
        }

        @Override
        public Quality quality(Signal signal) {
            return s.quality(signal);
        }

        @Override
        public double value(ControllerValue value) {
            return switch (value) {
                case PRESSURE_MBAR -> s.loops().pressureMbar();
                case SEED_SP_C -> s.loops().seedSetpointC();
                case SOURCE_SP_C -> s.loops().sourceSetpointC();
                case PRESSURE_SP_MBAR -> s.loops().pressureSetpointMbar();
            };
        }

        @Override
        public boolean deviceLost(String device) {
            return false;
        }
    }

    /** The profile's alarms, then generated ones up to {@code count}, each kind in turn on the furnace's inputs. */
    static List<AlarmDefinition> definitions(FurnaceProfile profile, ScanSnapshot grown, int count) {
        List<AlarmDefinition> list = new ArrayList<>(profile.alarms().definitions());
        List<Signal> analog = new ArrayList<>();
        List<Signal> discrete = new ArrayList<>();
        for (Signal s : Signal.values()) {
            if (s.isInput() && !Double.isNaN(grown.value(s))) {
                (s.unit().equals("bool") ? discrete : analog).add(s);
            }
        }
        for (int i = 0; list.size() < count; i++) {
            Signal a = analog.get(i % analog.size());
            double v = grown.value(a);
            String id = "GENERATED_" + i;
            AlarmKind kind = AlarmKind.values()[i % 5];
            list.add(switch (kind) {
                case HIGH -> def(id, kind, a.ioName(), null, Math.abs(v) * 2 + 10, null);
                case LOW -> def(id, kind, a.ioName(), null, -Math.abs(v) - 10, null);
                case DEVIATION -> def(id, kind, "pyro_top_c", "seed_sp_c", 50, null);
                case RATE -> def(id, kind, a.ioName(), null, 1e6, null);
                default -> def(id, AlarmKind.DISCRETE, discrete.get(i % discrete.size()).ioName(), null, 0,
                        grown.value(discrete.get(i % discrete.size())) >= 0.5 ? AlarmDefinition.When.OFF
                                : AlarmDefinition.When.ON);
            });
        }
        return list;
    }

    private static AlarmDefinition def(String id, AlarmKind kind, String signal, String setpoint, double limit,
                                       AlarmDefinition.When when) {
        return new AlarmDefinition(id, kind, AlarmPriority.MEDIUM, "generated", signal, setpoint, limit, false, 1,
                5, 0, 0, when, null, null, null, null);
    }

    @Setup(Level.Trial)
    public void intoTheGrowthSoak() {
        rig = new GrowingFurnace();
        rig.runFor(40.0);
        ScanSnapshot grown = rig.scan();
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        all = new Evaluation(profile, definitions(profile, grown, DEFINITIONS), grown);
        shipped = new Evaluation(profile, profile.alarms().definitions(), grown);
        if (all.process.size() != DEFINITIONS || all.scan() != 0) {
            throw new IllegalStateException("expected " + DEFINITIONS + " definitions, all normal");
        }
    }

    @Benchmark
    public int alarms200() {
        return all.scan();
    }

    @Benchmark
    public int alarmsOfTheProfile() {
        return shipped.scan();
    }

    @Benchmark
    public double scanStep() {
        return rig.scan().value(Signal.PS1_POWER_SP_KW);
    }
}
