package com.sicfurnace.controller.report;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import com.sicfurnace.controller.runtime.EventStream;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.safety.Trip;
import com.sicfurnace.controller.safety.TripEvent;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.LoopStatus;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
    private static final String TRIP_PREFIX = "TRIP_";
    private final List<StepStatistics> steps = new ArrayList<>();
    private final List<TrendColumn> columns;
    private final double trendPeriodS;
    private final double scanPeriodS;
    private final ToDoubleFunction<ScanSnapshot> elapsedS;
    private final EventStream.Reader events;
    private final List<TrendRow> trend = new ArrayList<>();
    private final List<RunSummary.TimedEntry> alarms = new ArrayList<>();
    private final List<RunSummary.TimedEntry> trips = new ArrayList<>();
    private final List<RunSummary.TimedEntry> journal = new ArrayList<>();
    private final List<RunSummary.TripLatch> tripLatches = new ArrayList<>();
    private final List<RunSummary.AlarmTransition> alarmTransitions = new ArrayList<>();
    private final EnumSet<Trip> latched = EnumSet.noneOf(Trip.class);
    private final Map<AlarmId, AlarmState> alarmStates = new EnumMap<>(AlarmId.class);
    private double nextSampleS;
    private long missedReported;

    /**
     * @param scanPeriodS the time each scan adds to its step
     * @param elapsedS    the furnace time since the run started, in seconds, at a scan
     * @param events      this recorder's own reader of the run's events, from the start of the run
     */
    public RunRecorder(Recipe recipe, List<TrendColumn> columns, double trendPeriodS, double scanPeriodS,
                       ToDoubleFunction<ScanSnapshot> elapsedS, EventStream.Reader events) {
        for (Step step : recipe.steps()) {
            steps.add(new StepStatistics(step.name(), step.typeName()));
        }
        this.columns = List.copyOf(columns);
        this.trendPeriodS = trendPeriodS;
        this.scanPeriodS = scanPeriodS;
        this.elapsedS = elapsedS;
        this.events = events;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        double elapsed = elapsedS.applyAsDouble(snapshot);
        double hours = elapsed / 3600.0;
        journal(hours);
        int index = snapshot.run().stepIndex();
        if (index >= 0 && !snapshot.run().finished()) {
            recordStep(steps.get(index), snapshot);
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
            if (event instanceof ProgramEvent e) {
                journal.add(new RunSummary.TimedEntry(hours, e.type().name().toLowerCase(Locale.ROOT),
                        "step " + e.step() + " '" + e.stepName() + "'" + (e.detail().isEmpty() ? "" : ": "
                                + e.detail())));
            } else if (event instanceof AlarmEvent e) {
                alarm(e, hours);
            } else if (event instanceof TripEvent e) {
                trip(e, hours);
            }
        }
        if (events.missed() > missedReported) {
            LOG.error("the run report lost {} events: its reader fell a whole event ring behind",
                    events.missed() - missedReported);
            missedReported = events.missed();
        }
    }

    private void alarm(AlarmEvent e, double hours) {
        AlarmState before = alarmStates.getOrDefault(e.alarm(), AlarmState.NORMAL);
        alarmStates.put(e.alarm(), e.state());
        alarmTransitions.add(new RunSummary.AlarmTransition(hours, e.alarm().name(), e.priority().name(),
                transition(before, e.state()), e.state().name().toLowerCase(Locale.ROOT), e.detail()));
        if (e.state() == AlarmState.UNACKNOWLEDGED) {
            RunSummary.TimedEntry entry = new RunSummary.TimedEntry(hours, e.alarm().name(),
                    e.priority() + ": " + e.alarm().text() + " (" + e.detail() + ")");
            alarms.add(entry);
            if (e.alarm().name().startsWith(TRIP_PREFIX)) {
                trips.add(entry);
            }
        }
    }

    /** ISA-18.2: to unacknowledged is a raise; to normal is a return if it was acknowledged, else an ack. */
    private static String transition(AlarmState before, AlarmState after) {
        return switch (after) {
            case UNACKNOWLEDGED -> "raise";
            case ACKNOWLEDGED -> "ack";
            case RETURNED_UNACKNOWLEDGED -> "return";
            case NORMAL -> before == AlarmState.ACKNOWLEDGED ? "return" : "ack";
        };
    }

    /** A trip that latches while none is latched is the first-out: the cause the others may follow from. */
    private void trip(TripEvent e, double hours) {
        if (e.change() == TripEvent.Change.LATCHED) {
            tripLatches.add(new RunSummary.TripLatch(hours, AlarmId.forTrip(e.trip()).name(), e.trip().description(),
                    latched.isEmpty()));
            latched.add(e.trip());
        } else {
            latched.remove(e.trip());
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
