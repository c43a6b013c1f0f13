package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Evaluates a profile's data-driven alarms (HIGH, LOW, DEVIATION, RATE, DISCRETE, COMMUNICATION) every scan and
 * reports their conditions to the {@link Alarms} state machine. A process alarm whose input is stale or failed is
 * masked: it keeps its state (its communication or sensor alarm says why). Allocates nothing per scan.
 */
public final class ProcessAlarms {
    private final Alarms alarms;
    private final ConditionCheck[] checks;

    /**
     * @param furnaceInputs which inputs this furnace has
     * @param devices       the furnace's I/O-list devices with inputs; each needs a communication alarm
     */
    public ProcessAlarms(Alarms alarms, Predicate<Signal> furnaceInputs, Set<String> devices) {
        this.alarms = alarms;
        List<ConditionCheck> list = new ArrayList<>();
        Set<String> uncovered = new TreeSet<>(devices);
        for (AlarmDefinition d : alarms.definitions()) {
            if (!d.type().evaluatedFromData()) {
                continue;
            }
            for (String device : d.devices()) {
                if (!devices.contains(device)) {
                    throw new IllegalArgumentException("alarm " + d.id() + ": no device '" + device
                            + "' on this furnace (it has " + devices + ")");
                }
                uncovered.remove(device);
            }
            list.add(new ConditionCheck(d, alarms.slot(d.alarm()), furnaceInputs));
        }
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("no communication alarm for the devices " + uncovered);
        }
        this.checks = list.toArray(ConditionCheck[]::new);
    }

    /** How many definitions are evaluated per scan. */
    public int size() {
        return checks.length;
    }

    /**
     * One scan's evaluation.
     *
     * @param operating the furnace's operating states, as {@link OperatingState#bit()}s
     * @param dtS       the time since the last scan, for rates of change
     */
    public void evaluate(AlarmInputs in, int operating, double dtS) {
        for (ConditionCheck check : checks) {
            switch (check.evaluate(in, dtS)) {
                case ConditionCheck.MASKED -> alarms.mask(check.slot, operating);
                case ConditionCheck.ON -> alarms.feed(check.slot, true, operating, null, check);
                default -> alarms.feed(check.slot, false, operating, null, check);
            }
        }
    }
}
