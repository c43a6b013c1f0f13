package com.sicfurnace.controller.report;

import com.sicfurnace.controller.alarm.AlarmEvent;
import com.sicfurnace.controller.alarm.AlarmState;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.loop.ScanState;
import com.sicfurnace.controller.recipe.ProgramEvent;
import com.sicfurnace.controller.recipe.Programmer;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches a run scan by scan: per-step control statistics, a trend sampled at a fixed furnace-time period, and
 * the journal of program events, alarms and trips.
 */
public final class RunRecorder {
    private static final String TRIP_PREFIX = "TRIP_";
    private final List<StepStatistics> steps = new ArrayList<>();
    private final List<TrendColumn> columns;
    private final double trendPeriodS;
    private final List<TrendRow> trend = new ArrayList<>();
    private final List<RunSummary.TimedEntry> alarms = new ArrayList<>();
    private final List<RunSummary.TimedEntry> trips = new ArrayList<>();
    private final List<RunSummary.TimedEntry> events = new ArrayList<>();
    private double nextSampleS;

    public RunRecorder(Recipe recipe, List<TrendColumn> columns, double trendPeriodS) {
        for (Step step : recipe.steps()) {
            steps.add(new StepStatistics(step.name(), typeName(step)));
        }
        this.columns = List.copyOf(columns);
        this.trendPeriodS = trendPeriodS;
    }

    private static String typeName(Step step) {
        if (step instanceof Step.Ramp) {
            return "ramp";
        } else if (step instanceof Step.Soak) {
            return "soak";
        } else if (step instanceof Step.Wait) {
            return "wait";
        }
        return "leak-check";
    }

    /** Call after each scan with the scan's length and the furnace time since the run started. */
    public void onScan(FurnaceController controller, double dtS, double elapsedS) {
        Programmer programmer = controller.programmer();
        double hours = elapsedS / 3600.0;
        journal(controller, hours);
        int index = programmer.stepIndex();
        if (index >= 0 && !programmer.finished()) {
            recordStep(steps.get(index), controller.state(), programmer, dtS);
        }
        if (elapsedS >= nextSampleS) {
            sample(programmer, hours);
            nextSampleS += trendPeriodS;
        }
    }

    private static void recordStep(StepStatistics stats, ScanState s, Programmer programmer, double dtS) {
        stats.addTime(dtS, programmer.holdingBack());
        if (programmer.state() != Programmer.State.RUNNING) {
            return;
        }
        if (s.temperatureControlled()) {
            stats.recordTemperatureError(s.seedC() - s.seedSetpointC());
        }
        if (s.pressureControlled() && s.pressureSetpointMbar() > 0) {
            stats.recordPressureErrorPct(s.pressureDeviationPct());
        }
    }

    private void journal(FurnaceController controller, double hours) {
        for (ProgramEvent e : controller.drainProgramEvents()) {
            events.add(new RunSummary.TimedEntry(hours, e.type().name().toLowerCase(),
                    "step " + e.step() + " '" + e.stepName() + "'" + (e.detail().isEmpty() ? "" : ": " + e.detail())));
        }
        for (AlarmEvent e : controller.drainAlarmEvents()) {
            if (e.state() != AlarmState.UNACKNOWLEDGED) {
                continue;
            }
            RunSummary.TimedEntry entry = new RunSummary.TimedEntry(hours, e.alarm().name(),
                    e.priority() + ": " + e.alarm().text() + " (" + e.detail() + ")");
            alarms.add(entry);
            if (e.alarm().name().startsWith(TRIP_PREFIX)) {
                trips.add(entry);
            }
        }
    }

    private void sample(Programmer programmer, double hours) {
        double[] values = new double[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().getAsDouble();
        }
        Step step = programmer.step();
        trend.add(new TrendRow(hours, step == null ? "" : step.name(), programmer.state().name().toLowerCase(),
                values));
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
        return events;
    }
}
