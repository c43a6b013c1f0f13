package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;

/** What {@link ProcessAlarms} reads in a scan: the inputs, the controller's values, and which devices are lost. */
public interface AlarmInputs {
    double value(Signal signal);

    Quality quality(Signal signal);

    /** NaN while unknown (no usable gauge, a loop that does not control). */
    double value(ControllerValue value);

    /** The device's inputs have been stale beyond the profile's tolerance. */
    boolean deviceLost(String device);
}
