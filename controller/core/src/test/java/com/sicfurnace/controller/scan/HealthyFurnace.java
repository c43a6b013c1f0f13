package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.IoList;

/** A process image of a healthy furnace at 1500 °C under 300 mbar of argon, for tests of the pure core. */
public final class HealthyFurnace {
    private HealthyFurnace() {
    }

    public static ProcessImage image(String furnace) {
        ProcessImage in = new ProcessImage(IoList.fromClasspath().forFurnace(furnace));
        for (Signal s : Signal.values()) { // every device has reported: at least a value at the bottom of its range
            if (s.isInput() && in.present(s)) {
                in.update(s, in.minimum(s), Quality.GOOD);
            }
        }
        set(in, Signal.PYRO_TOP_C, 1500.0);
        set(in, Signal.PYRO_BOTTOM_C, 1600.0);
        set(in, Signal.TC_INSULATION_C, 400.0);
        set(in, Signal.TC_CHAMBER_WALL_C, 30.0);
        set(in, Signal.LID_CLOSED, 1.0);
        set(in, Signal.CABINET_DOOR_CLOSED, 1.0);
        set(in, Signal.ESTOP_ACTIVE, 0.0);
        set(in, Signal.HEATER_CONTACTOR_CLOSED, 1.0);
        set(in, Signal.CDG_PRESSURE_MBAR, 300.0);
        set(in, Signal.PIRANI_PRESSURE_MBAR, 300.0);
        set(in, Signal.ION_GAUGE_PRESSURE_MBAR, 0.01);
        set(in, Signal.ION_GAUGE_ON, 0.0);
        set(in, Signal.WATER_COIL_FLOW_LPM, 40.0);
        set(in, Signal.WATER_CHAMBER_FLOW_LPM, 45.0);
        set(in, Signal.WATER_PS_FLOW_LPM, 25.0);
        set(in, Signal.CHILLER_RUNNING, 1.0);
        set(in, Signal.ROUGHING_PUMP_RUNNING, 1.0);
        set(in, Signal.TURBO_PUMP_SPEED_PCT, 0.0);
        set(in, Signal.PS1_FAULT, 0.0);
        if (furnace.equals("8inch")) {
            set(in, Signal.PS2_FAULT, 0.0);
        }
        return in;
    }

    public static void set(ProcessImage in, Signal signal, double value) {
        in.update(signal, value, Quality.GOOD);
    }
}
