package com.sicfurnace.controller.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sicfurnace.controller.audit.AuditHead;
import java.util.List;

/**
 * summary.json of a run: what ran, how long, how tightly the furnace was held, what it grew, and how its alarm
 * system did (ISA-18.2 KPIs). Boule length and source used are known only in simulated runs (null otherwise): no
 * furnace measures them during a run. {@code audit} is the head of the audit trail when the run ended (null for a
 * run without a trail, a virtual run by default): a copy outside the trail, against which a trail rewritten
 * wholesale is caught.
 */
public record RunSummary(
        @JsonProperty("recipe") String recipe,
        @JsonProperty("furnace") String furnace,
        @JsonProperty("seed") long seed,
        @JsonProperty("furnace_hours") double furnaceHours,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("completed") boolean completed,
        @JsonProperty("final_state") String finalState,
        @JsonProperty("steps") List<StepSummary> steps,
        @JsonProperty("boule_length_mm") Double bouleLengthMm,
        @JsonProperty("source_used_kg") Double sourceUsedKg,
        @JsonProperty("interlock_trips") int interlockTrips,
        @JsonProperty("trips") List<TimedEntry> trips,
        @JsonProperty("alarms") List<TimedEntry> alarms,
        @JsonProperty("alarm_kpis") AlarmKpiSummary alarmKpis,
        @JsonProperty("events") List<TimedEntry> events,
        @JsonProperty("audit") AuditHead audit) {

    /** Something that happened at a furnace time, in hours from the start of the run. */
    public record TimedEntry(@JsonProperty("time_h") double timeH, @JsonProperty("what") String what,
                             @JsonProperty("detail") String detail) {
    }
}
