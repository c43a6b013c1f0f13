package com.sicfurnace.controller.alarm;

import java.util.List;

/**
 * The alarm system's performance over a run, the ISA-18.2 way: how many alarms the operator got, how bursty, how
 * long the system was flooded, which alarms chattered or stood, and which sources gave the most.
 *
 * @param hours            the time the figures cover
 * @param activations      alarms annunciated (the flood alarm itself not counted)
 * @param alarmsPerHour    activations per hour
 * @param peakPer10Min     the most activations within any 10 minutes
 * @param floodS           time in flood, seconds
 * @param floodPct         time in flood, % of the run
 * @param chattering       the alarms that chattered, with their activations
 * @param stale            the alarms that stood active longer than the stale limit, with their longest stand
 * @param top              the 10 alarms activated most often, most first
 */
public record AlarmKpis(double hours, int activations, double alarmsPerHour, int peakPer10Min, double floodS,
                        double floodPct, List<Count> chattering, List<Standing> stale, List<Count> top) {
    public AlarmKpis {
        chattering = List.copyOf(chattering);
        stale = List.copyOf(stale);
        top = List.copyOf(top);
    }

    public record Count(AlarmId alarm, int activations) {
    }

    public record Standing(AlarmId alarm, double activeHours) {
    }
}
