package com.sicfurnace.controller.report;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmKpiCounter;
import com.sicfurnace.controller.alarm.AlarmSettings;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.safety.Effect;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.safety.InterlockMatrix;
import com.sicfurnace.controller.safety.InterlockRule;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.tuning.TuningEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a run scan by scan, through its snapshots and its own reader of the event stream: per-step control
 * statistics, a trend sampled at a fixed furnace-time period, and the journal of program events, alarms and trips.
 * Runs on the scan thread (a {@link ScanFeed.ScanListener}); read its results after the run.
 */
public final class RunRecorder implements ScanFeed.ScanListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    private final List<StepStatistics> steps = new ArrayList<>();
    private final List<TrendColumn> columns;
    private final double trendPeriodS;
    private final double scanPeriodS;
    private final ToDoubleFunction<ScanSnapshot> elapsedS;
    private final EventStream.Reader events;
    private final double staleAfterH;
    private AlarmKpiCounter alarmKpis;
    private Instant lastScan;
    private final List<TrendRow> trend = new ArrayList<>();
    private final List<RunSummary.TimedEntry> alarms = new ArrayList<>();
    private final List<RunSummary.TimedEntry> trips = new ArrayList<>();
    private final List<RunSummary.TimedEntry> journal = new ArrayList<>();
    private final List<RunSummary.TripLatch> tripLatches = new ArrayList<>();
    private final List<RunSummary.AlarmTransition> alarmTransitions = new ArrayList<>();
    private double nextSampleS;
    private long missedReported;

    /**
     * @param scanPeriodS the time each scan adds to its step
     * @param elapsedS    the furnace time since the run started, in seconds, at a scan
     * @param events      this recorder's own reader of the run's events, from the start of the run
     */
    public RunRecorder(Recipe recipe, List<TrendColumn> columns, double trendPeriodS, double scanPeriodS,
                       ToDoubleFunction<ScanSnapshot> elapsedS, EventStream.Reader events) {
        this(recipe, columns, trendPeriodS, scanPeriodS, elapsedS, events, AlarmSettings.DEFAULT.staleAfterH());
    }

    /** @param staleAfterH an alarm standing longer counts as stale in the alarm KPIs */
    public RunRecorder(Recipe recipe, List<TrendColumn> columns, double trendPeriodS, double scanPeriodS,
                       ToDoubleFunction<ScanSnapshot> elapsedS, EventStream.Reader events, double staleAfterH) {
        recipe(recipe);
        this.columns = List.copyOf(columns);
        this.trendPeriodS = trendPeriodS;
        this.scanPeriodS = scanPeriodS;
        this.elapsedS = elapsedS;
        this.events = events;
        this.staleAfterH = staleAfterH;
    }

    /** The run follows another recipe, loaded before its start (nothing of a step is recorded before it). */
    public void recipe(Recipe recipe) {
        steps.clear();
        for (Step step : recipe.steps()) {
            steps.add(new StepStatistics(step.name(), step.typeName()));
        }
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        double elapsed = elapsedS.applyAsDouble(snapshot);
        double hours = elapsed / 3600.0;
        if (alarmKpis == null) {
            alarmKpis = new AlarmKpiCounter(staleAfterH, snapshot.time().minus(Duration.ofNanos(Math.round(elapsed * 1e9))));
        }
        lastScan = snapshot.time();
        journal(hours);
        int index = snapshot.run().stepIndex();
        if (index >= 0 && !snapshot.run().finished()) {
            recordStep(steps.get(index), snapshot);
        }
        if (elapsed - nextSampleS >= trendPeriodS) {
            // a run taken up again after a restart starts hours in: its trend goes on at the next whole period
            nextSampleS = Math.floor(elapsed / trendPeriodS) * trendPeriodS;
        }
        if (elapsed >= nextSampleS) {
            sample(snapshot, hours);
            nextSampleS += trendPeriodS;
        }
    }

    private void recordStep(StepStatistics stats, ScanSnapshot snapshot) {
        stats.addTime(scanPeriodS, snapshot.run().holdingBack());
        if (snapshot.run().state() != RunState.RUNNING) {
            return;
        }
        LoopStatus loops = snapshot.loops();
        if (loops.temperatureControlled()) {
            stats.recordTemperatureError(snapshot.value(Signal.PYRO_TOP_C) - loops.seedSetpointC());
        }
        if (loops.pressureControlled() && loops.pressureSetpointMbar() > 0) {
            stats.recordPressureErrorPct(loops.pressureDeviationPct());
        }
    }

    private void journal(double hours) {
        for (FurnaceEvent event : events.poll()) {
            alarmKpis.accept(event);
            if (event instanceof ProgramEvent e) {
                journal.add(new RunSummary.TimedEntry(hours, e.type().name().toLowerCase(Locale.ROOT),
                        "step " + e.step() + " '" + e.stepName() + "'" + (e.detail().isEmpty() ? "" : ": "
                                + e.detail())));
            } else if (event instanceof AlarmEvent e) {
                alarm(e, hours);
            } else if (event instanceof InterlockEvent e) {
                interlock(e, hours);
            } else if (event instanceof TuningEvent e) {
                journal.add(new RunSummary.TimedEntry(hours, e.type().label(), e.loop().label() + " loop: "
                        + e.detail()));
            }
        }
        if (events.missed() > missedReported) {
            LOG.error("the run report lost {} events: its reader fell a whole event ring behind",
                    events.missed() - missedReported);
            missedReported = events.missed();
        }
    }

    private void alarm(AlarmEvent e, double hours) {
        alarmTransitions.add(new RunSummary.AlarmTransition(hours, e.alarm().name(), e.priority().name(),
                transition(e.previous(), e.state()), e.state().label(), e.detail()));
        if (e.activation()) {
            alarms.add(new RunSummary.TimedEntry(hours, e.alarm().name(),
                    e.priority() + ": " + e.text() + " (" + e.detail() + ")"));
        }
    }

    /**
     * ISA-18.2: to unacknowledged-active is a raise; to normal is a return if it was acknowledged, else an ack;
     * shelving, suppression and out-of-service are named for what they are, and leaving them is a release.
     */
    private static String transition(AlarmState before, AlarmState after) {
        return switch (after) {
            case UNACK_ACTIVE -> "raise";
            case ACK_ACTIVE -> "ack";
            case UNACK_RTN -> "return";
            case SHELVED -> "shelve";
            case SUPPRESSED -> "suppress";
            case OUT_OF_SERVICE -> "out_of_service";
            case NORMAL -> switch (before) {
                case ACK_ACTIVE -> "return";
                case UNACK_RTN, UNACK_ACTIVE -> "ack";
                default -> "release";
            };
        };
    }

    /**
     * Every row of the interlock matrix that latched goes into the trip latches, the core's first-out marked; the
     * rows that act on the heater (hard and soft trips) are also the run's trips.
     */
    private void interlock(InterlockEvent e, double hours) {
        if (e.change() != InterlockEvent.Change.LATCHED) {
            return;
        }
        InterlockRule rule = InterlockMatrix.rule(e.interlock());
        tripLatches.add(new RunSummary.TripLatch(hours, e.interlock().label(),
                rule.effect().label() + ": " + rule.cause(), e.firstOut()));
        if (rule.effect() != Effect.HOLD) {
            trips.add(new RunSummary.TimedEntry(hours, e.interlock().label(),
                    rule.effect().label() + (e.firstOut() ? ", first out" : "")));
        }
    }

    private void sample(ScanSnapshot snapshot, double hours) {
        double[] values = new double[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().applyAsDouble(snapshot);
        }
        trend.add(new TrendRow(hours, snapshot.run().stepName(), snapshot.run().state().label(), values));
    }

    public List<StepSummary> stepSummaries() {
        return steps.stream().map(StepStatistics::summary).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(TrendColumn::name).toList();
    }

    public List<TrendRow> trend() {
        return trend;
    }

    public List<RunSummary.TimedEntry> alarms() {
        return alarms;
    }

    public List<RunSummary.TimedEntry> trips() {
        return trips;
    }

    /** The alarm KPIs up to the last scan; null before the first. */
    public AlarmKpiSummary alarmKpis() {
        return alarmKpis == null ? null : AlarmKpiSummary.of(alarmKpis.kpis(lastScan));
    }

    public List<RunSummary.TimedEntry> events() {
        return journal;
    }

    /** Every trip that latched, in order, the first-out of each cascade marked. */
    public List<RunSummary.TripLatch> tripLatches() {
        return tripLatches;
    }

    /** Every alarm state change, in order. */
    public List<RunSummary.AlarmTransition> alarmTransitions() {
        return alarmTransitions;
    }
}
