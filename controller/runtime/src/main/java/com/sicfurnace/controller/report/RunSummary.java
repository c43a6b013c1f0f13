package com.sicfurnace.controller.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.sicfurnace.controller.audit.AuditHead;
import java.util.List;
import java.util.Map;

/**
 * summary.json of a run: what ran, how long, how tightly the furnace was held, what it grew, and how its alarm
 * system did (ISA-18.2 KPIs). Boule length and source used are known only in simulated runs (null otherwise): no
 * furnace measures them during a run. For the account of a run with faults: the faults a virtual run applied
 * ({@code faults}, empty in a live run, whose faults come from outside), every row of the interlock matrix that
 * latched with the first-out marked, and every alarm transition. {@code audit} is the head of the audit trail when
 * the run ended (null for a run without a trail, a virtual run by default): a copy outside the trail, against which
 * a trail rewritten wholesale is caught. {@code run} says which run it is ({@link RunFacts}: run id, recipe file,
 * version and SHA-256, who started it, start and end); a virtual run has none and leaves it out.
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
        @JsonProperty("faults") List<AppliedFault> faults,
        @JsonProperty("trip_latches") List<TripLatch> tripLatches,
        @JsonProperty("alarm_transitions") List<AlarmTransition> alarmTransitions,
        @JsonProperty("audit") AuditHead audit,
        @JsonProperty("run") @JsonInclude(JsonInclude.Include.NON_NULL) RunFacts run) {

    /** A summary that does not say which run it is (a virtual run's). */
    public RunSummary(String recipe, String furnace, long seed, double furnaceHours, double wallSeconds,
                      boolean completed, String finalState, List<StepSummary> steps, Double bouleLengthMm,
                      Double sourceUsedKg, int interlockTrips, List<TimedEntry> trips, List<TimedEntry> alarms,
                      AlarmKpiSummary alarmKpis, List<TimedEntry> events, List<AppliedFault> faults,
                      List<TripLatch> tripLatches, List<AlarmTransition> alarmTransitions, AuditHead audit) {
        this(recipe, furnace, seed, furnaceHours, wallSeconds, completed, finalState, steps, bouleLengthMm,
                sourceUsedKg, interlockTrips, trips, alarms, alarmKpis, events, faults, tripLatches, alarmTransitions,
                audit, null);
    }

    /** Something that happened at a furnace time, in hours from the start of the run. */
    public record TimedEntry(@JsonProperty("time_h") double timeH, @JsonProperty("what") String what,
                             @JsonProperty("detail") String detail) {
    }

    /**
     * A fault a virtual run applied: when (the first scan at or after its {@code at_s}), and the fault object as the
     * script gave it ({@code fault} and its parameters).
     */
    public record AppliedFault(@JsonProperty("time_h") double timeH, @JsonProperty("at_s") double atS,
                               @JsonProperty("fault") Map<String, Object> fault) {
    }

    /**
     * An interlock trip that latched. {@code first_out} marks the trip that latched while no other was latched:
     * the cause, where the others may be its consequences.
     */
    public record TripLatch(@JsonProperty("time_h") double timeH, @JsonProperty("trip") String trip,
                            @JsonProperty("detail") String detail, @JsonProperty("first_out") boolean firstOut) {
    }

    /**
     * A change of an alarm's state: {@code raise} (to unacknowledged), {@code return} (its condition cleared) or
     * {@code ack} (acknowledged), with the state it went to.
     */
    public record AlarmTransition(@JsonProperty("time_h") double timeH, @JsonProperty("alarm") String alarm,
                                  @JsonProperty("priority") String priority,
                                  @JsonProperty("transition") String transition,
                                  @JsonProperty("state") String state, @JsonProperty("detail") String detail) {
    }
}
