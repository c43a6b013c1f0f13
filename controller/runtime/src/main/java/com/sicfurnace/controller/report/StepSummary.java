package com.sicfurnace.controller.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step in summary.json. Error figures are null where the loop never controlled during the step. */
public record StepSummary(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("duration_h") double durationH,
        @JsonProperty("temperature_error_p99_k") Double temperatureErrorP99K,
        @JsonProperty("temperature_error_max_k") Double temperatureErrorMaxK,
        @JsonProperty("pressure_error_p99_pct") Double pressureErrorP99Pct,
        @JsonProperty("pressure_error_max_pct") Double pressureErrorMaxPct,
        @JsonProperty("holdback_hours") double holdbackHours) {
}
