package com.sicfurnace.controller.telemetry.metrics;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.AlarmPriority;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.loop.ScanState;
import com.sicfurnace.controller.recipe.Programmer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The process as one scan left it, for the gauges: taken on the scan thread, read by the scrape thread. Values in
 * the units their names say; NaN where the input cannot be used (bad or stale) or the core has no value.
 */
public record ProcessSnapshot(double seedC, double seedSetpointC, double sourceC, double sourceSetpointC,
                              double pressureMbar, double pressureSetpointMbar, double heaterPowerKw,
                              double argonSccm, double nitrogenSccm, double throttlePct, double turboSpeedPct,
                              double insulationC, double coilWaterLpm, Programmer.State state, int step,
                              int latchedTrips, Map<AlarmPriority, Integer> activeAlarms) {
    /** Before the first scan: nothing known, nothing active. */
    public static final ProcessSnapshot NONE = new ProcessSnapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Programmer.State.READY, 0, 0, Map.of());

    public ProcessSnapshot {
        activeAlarms = Map.copyOf(activeAlarms);
    }

    /** Reads the controller and the scan's inputs; call on the scan thread, between scans. */
    public static ProcessSnapshot of(FurnaceController controller, ProcessImage in) {
        ScanState s = controller.state();
        Map<AlarmPriority, Integer> alarms = new EnumMap<>(AlarmPriority.class);
        for (AlarmId id : controller.activeAlarms()) {
            alarms.merge(id.priority(), 1, Integer::sum);
        }
        return new ProcessSnapshot(s.seedC(), s.seedSetpointC(), s.sourceC(), s.sourceSetpointC(), s.pressureMbar(),
                s.pressureSetpointMbar(), s.powerKw(), usable(in, Signal.AR_FLOW_SCCM),
                usable(in, Signal.N2_FLOW_SCCM), usable(in, Signal.THROTTLE_VALVE_PCT),
                usable(in, Signal.TURBO_PUMP_SPEED_PCT), usable(in, Signal.TC_INSULATION_C),
                usable(in, Signal.WATER_COIL_FLOW_LPM), controller.programmer().state(),
                controller.programmer().stepIndex() + 1, controller.latchedTrips().size(), alarms);
    }

    private static double usable(ProcessImage in, Signal signal) {
        return in.usable(signal) ? in.value(signal) : Double.NaN;
    }

    /** Active alarms (acknowledged or not) of one priority. */
    public int activeAlarms(AlarmPriority priority) {
        return activeAlarms.getOrDefault(priority, 0);
    }
}
