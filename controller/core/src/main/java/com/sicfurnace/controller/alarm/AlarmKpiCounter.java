package com.sicfurnace.controller.alarm;

import com.sicfurnace.controller.event.FurnaceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts a run's alarm KPIs from its event stream alone (so a report, or anyone following the stream, can). Fed every
 * event in order; {@link #kpis} gives the figures up to a time.
 */
public final class AlarmKpiCounter {
    private static final int TOP = 10;
    private static final Duration PEAK_WINDOW = Duration.ofMinutes(10);
    private final double staleAfterH;
    private final Instant start;
    private final Map<AlarmId, Integer> activations = new HashMap<>();
    private final Set<AlarmId> chattering = new TreeSet<>();
    private final Map<AlarmId, Instant> activeSince = new HashMap<>();
    private final Map<AlarmId, Double> longestH = new HashMap<>();
    private final ActivationWindow lastTenMinutes = new ActivationWindow(PEAK_WINDOW.toSeconds());
    private int total;
    private int peak;
    private Instant floodSince;
    private Duration flood = Duration.ZERO;

    /** @param start the start of the run; the figures cover the time from it */
    public AlarmKpiCounter(double staleAfterH, Instant start) {
        this.staleAfterH = staleAfterH;
        this.start = start;
    }

    public void accept(FurnaceEvent event) {
        if (!(event instanceof AlarmEvent e)) {
            return;
        }
        if (e.alarm().equals(AlarmId.ALARM_FLOOD)) {
            if (e.state().active() && floodSince == null) {
                floodSince = e.time();
            } else if (!e.state().active() && floodSince != null) {
                flood = flood.plus(Duration.between(floodSince, e.time()));
                floodSince = null;
            }
            return;
        }
        if (e.activation()) {
            total++;
            activations.merge(e.alarm(), 1, Integer::sum);
            lastTenMinutes.add(e.time());
            peak = Math.max(peak, lastTenMinutes.count(e.time()));
        }
        if (e.chattering()) {
            chattering.add(e.alarm());
        }
        if (e.state().active()) {
            activeSince.putIfAbsent(e.alarm(), e.time());
        } else {
            Instant since = activeSince.remove(e.alarm());
            if (since != null) {
                stood(e.alarm(), since, e.time());
            }
        }
    }

    private void stood(AlarmId alarm, Instant since, Instant until) {
        double hours = Duration.between(since, until).toNanos() / 3.6e12;
        longestH.merge(alarm, hours, Math::max);
    }

    /** The figures from the start up to {@code end}; alarms still active or in flood count up to it. */
    public AlarmKpis kpis(Instant end) {
        double hours = Duration.between(start, end).toNanos() / 3.6e12;
        Map<AlarmId, Double> standing = new HashMap<>(longestH);
        activeSince.forEach((alarm, since) -> standing.merge(alarm,
                Duration.between(since, end).toNanos() / 3.6e12, Math::max));
        Duration inFlood = floodSince == null ? flood : flood.plus(Duration.between(floodSince, end));
        double floodS = inFlood.toNanos() / 1e9;
        List<AlarmKpis.Count> chatters = new ArrayList<>();
        for (AlarmId alarm : chattering) {
            chatters.add(new AlarmKpis.Count(alarm, activations.getOrDefault(alarm, 0)));
        }
        List<AlarmKpis.Standing> stale = standing.entrySet().stream().filter(s -> s.getValue() >= staleAfterH)
                .map(s -> new AlarmKpis.Standing(s.getKey(), s.getValue()))
                .sorted(Comparator.comparing(AlarmKpis.Standing::activeHours).reversed()
                        .thenComparing(AlarmKpis.Standing::alarm)).toList();
        List<AlarmKpis.Count> top = activations.entrySet().stream()
                .map(a -> new AlarmKpis.Count(a.getKey(), a.getValue()))
                .sorted(Comparator.comparing(AlarmKpis.Count::activations).reversed()
                        .thenComparing(AlarmKpis.Count::alarm)).limit(TOP).toList();
        return new AlarmKpis(hours, total, hours > 0 ? total / hours : 0.0, peak, floodS,
                hours > 0 ? floodS / (hours * 36.0) : 0.0, chatters, stale, top);
    }
}
