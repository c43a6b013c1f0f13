package com.sicfurnace.controller.program;

import com.sicfurnace.controller.recipe.ConditionVariable;

/** A process view whose values the test sets by hand. */
final class FakeView implements ProcessView {
    double seedC = 1000.0;
    double sourceC = 1000.0;
    boolean inRange;
    double pressureMbar = 1013.0;
    double powerKw;
    double insulationC = 25.0;
    double turboPct;

    @Override
    public double seedC() {
        return seedC;
    }

    @Override
    public double sourceC() {
        return sourceC;
    }

    @Override
    public boolean temperatureControlAvailable() {
        return inRange;
    }

    @Override
    public double pressureMbar() {
        return pressureMbar;
    }

    @Override
    public double heaterPowerKw() {
        return powerKw;
    }

    @Override
    public double value(ConditionVariable variable) {
        return switch (variable) {
            case PRESSURE_MBAR -> pressureMbar;
            case SEED_C -> seedC;
            case SOURCE_C -> sourceC;
            case INSULATION_C -> insulationC;
            case TURBO_SPEED_PCT -> turboPct;
        };
    }

    @Override
    public boolean usable(ConditionVariable variable) {
        return !Double.isNaN(value(variable));
    }
}
