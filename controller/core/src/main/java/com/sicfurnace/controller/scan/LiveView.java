package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.control.HeaterControl;
import com.sicfurnace.controller.program.ProcessView;
import com.sicfurnace.controller.recipe.ConditionVariable;
import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.vacuum.ChamberPressure;

/** The programmer's view of the current scan's inputs. */
final class LiveView implements ProcessView {
    private final ChamberPressure pressure;
    private final HeaterControl heater;
    private ProcessImage in;

    LiveView(ChamberPressure pressure, HeaterControl heater) {
        this.pressure = pressure;
        this.heater = heater;
    }

    void bind(ProcessImage image) {
        this.in = image;
    }

    @Override
    public double seedC() {
        return in.value(Signal.PYRO_TOP_C);
    }

    @Override
    public double sourceC() {
        return in.value(Signal.PYRO_BOTTOM_C);
    }

    @Override
    public boolean temperatureControlAvailable() {
        return heater.temperatureControlAvailable();
    }

    @Override
    public double pressureMbar() {
        return pressure.usable() ? pressure.mbar() : Double.NaN;
    }

    @Override
    public double heaterPowerKw() {
        return heater.totalPowerKw();
    }

    @Override
    public double value(ConditionVariable variable) {
        return switch (variable) {
            case PRESSURE_MBAR -> pressure.mbar();
            case SEED_C -> in.value(Signal.PYRO_TOP_C);
            case SOURCE_C -> in.value(Signal.PYRO_BOTTOM_C);
            case INSULATION_C -> in.value(Signal.TC_INSULATION_C);
            case TURBO_SPEED_PCT -> in.value(Signal.TURBO_PUMP_SPEED_PCT);
        };
    }

    @Override
    public boolean usable(ConditionVariable variable) {
        return switch (variable) {
            case PRESSURE_MBAR -> pressure.usable();
            case SEED_C -> in.usable(Signal.PYRO_TOP_C);
            case SOURCE_C -> in.usable(Signal.PYRO_BOTTOM_C);
            case INSULATION_C -> in.usable(Signal.TC_INSULATION_C);
            case TURBO_SPEED_PCT -> in.usable(Signal.TURBO_PUMP_SPEED_PCT);
        };
    }
}
