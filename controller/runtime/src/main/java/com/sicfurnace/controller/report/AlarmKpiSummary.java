package com.sicfurnace.controller.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sicfurnace.controller.alarm.AlarmKpis;
import java.util.List;

/** The run's alarm KPIs in summary.json (docs/alarms.md, "KPIs"). */
public record AlarmKpiSummary(
        @JsonProperty("activations") int activations,
        @JsonProperty("alarms_per_hour") double alarmsPerHour,
        @JsonProperty("peak_per_10_min") int peakPer10Min,
        @JsonProperty("flood_s") double floodS,
        @JsonProperty("flood_pct") double floodPct,
        @JsonProperty("chattering") List<Count> chattering,
        @JsonProperty("stale") List<Standing> stale,
        @JsonProperty("top_sources") List<Count> topSources) {

    public record Count(@JsonProperty("alarm") String alarm, @JsonProperty("activations") int activations) {
    }

    public record Standing(@JsonProperty("alarm") String alarm, @JsonProperty("active_h") double activeH) {
    }

    static AlarmKpiSummary of(AlarmKpis k) {
        return new AlarmKpiSummary(k.activations(), k.alarmsPerHour(), k.peakPer10Min(), k.floodS(), k.floodPct(),
                k.chattering().stream().map(c -> new Count(c.alarm().name(), c.activations())).toList(),
                k.stale().stream().map(s -> new Standing(s.alarm().name(), s.activeHours())).toList(),
                k.top().stream().map(c -> new Count(c.alarm().name(), c.activations())).toList());
    }
}
