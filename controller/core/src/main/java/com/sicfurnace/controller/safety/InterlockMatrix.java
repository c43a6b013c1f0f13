package com.sicfurnace.controller.safety;

import com.sicfurnace.controller.user.Role;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interlock matrix: one {@link InterlockRule} per {@link InterlockId}. docs/safety.md prints the same rows, and
 * a test holds the two equal; {@link Interlocks} evaluates each row's cause. Limits and delays are named by their
 * profile keys ({@code interlocks.*}, {@code comm.*}).
 */
public final class InterlockMatrix {
    private static final Set<Role> ENGINEERS = Set.of(Role.ENGINEER, Role.ADMIN);
    private static final Set<Role> NOBODY = Set.of();
    private static final String CAUSE_GONE = "cause gone";
    private static final Map<InterlockId, InterlockRule> RULES = new EnumMap<>(InterlockId.class);

    static {
        hard(InterlockId.EMERGENCY_STOP, "`estop_active` on, or unknown", "none");
        hard(InterlockId.DOOR_OPEN, "`lid_closed` or `cabinet_door_closed` off, or unknown", "none");
        hard(InterlockId.COIL_WATER_LOW, "`water_coil_flow_lpm` < `interlocks.min_coil_water_lpm`, or unknown",
                "`interlocks.water_debounce_s`");
        hard(InterlockId.CHAMBER_WATER_LOW,
                "`water_chamber_flow_lpm` < `interlocks.min_chamber_water_lpm`, or unknown",
                "`interlocks.water_debounce_s`");
        hard(InterlockId.SUPPLY_WATER_LOW, "`water_ps_flow_lpm` < `interlocks.min_supply_water_lpm`, or unknown",
                "`interlocks.water_debounce_s`");
        hard(InterlockId.OVER_TEMPERATURE,
                "`pyro_top_c` or `pyro_bottom_c` ≥ `interlocks.over_temperature_c`, or above its range", "none");
        add(new InterlockRule(InterlockId.OVER_PRESSURE, "chamber pressure > `interlocks.over_pressure_mbar`",
                "none", Effect.HARD_TRIP, true, false, ResetRule.OPERATOR, CAUSE_GONE, NOBODY, Duration.ZERO));
        add(new InterlockRule(InterlockId.PRESSURE_UNKNOWN_WITH_GAS,
                "no usable chamber pressure (every gauge failed, or the gauge controller lost) while argon or "
                        + "nitrogen is commanded", "`interlocks.pressure_unknown_delay_s`", Effect.SOFT_TRIP, true,
                false, ResetRule.OPERATOR, "a usable pressure again", NOBODY, Duration.ZERO));
        add(new InterlockRule(InterlockId.PYROMETER_FAILURE,
                "`pyro_top_c` or `pyro_bottom_c` failed while the heater command > "
                        + "`interlocks.pyrometer_failure_power_kw`", "none", Effect.SOFT_TRIP, false, false,
                ResetRule.OPERATOR, "both pyrometers read again", ENGINEERS, Duration.ofHours(2)));
        add(new InterlockRule(InterlockId.CHILLER_STOPPED, "`chiller_running` off, or unknown",
                "`interlocks.chiller_delay_s`", Effect.SOFT_TRIP, false, false, ResetRule.OPERATOR, CAUSE_GONE,
                ENGINEERS, Duration.ofMinutes(15)));
        add(new InterlockRule(InterlockId.PLC_WATCHDOG, "`plc_watchdog_tripped` on", "none", Effect.HOLD, false,
                true, ResetRule.OPERATOR_PLC, "the PLC reports its watchdog clear after the reset pulse", NOBODY,
                Duration.ZERO));
        add(new InterlockRule(InterlockId.HEATER_NOT_FOLLOWING,
                "heater enabled and its measured power off the command by more than "
                        + "`interlocks.heater_follow_tolerance_kw` and `interlocks.heater_follow_tolerance_pct`",
                "`interlocks.heater_follow_delay_s`", Effect.HOLD, false, true, ResetRule.OPERATOR, CAUSE_GONE,
                ENGINEERS, Duration.ofHours(1)));
        add(new InterlockRule(InterlockId.COMM_LOSS, "a field device's inputs stale for `comm.stale_scans` scans",
                "`comm.stale_scans` scans", Effect.HOLD, false, false, ResetRule.SELF,
                "every device answers; a run held less than `comm.auto_resume_within_s` resumes by itself", NOBODY,
                Duration.ZERO));
        if (RULES.size() != InterlockId.values().length) {
            throw new IllegalStateException("the matrix lacks a row for some interlock");
        }
    }

    private InterlockMatrix() {
    }

    private static void hard(InterlockId id, String cause, String delay) {
        add(new InterlockRule(id, cause, delay, Effect.HARD_TRIP, false, false, ResetRule.OPERATOR, CAUSE_GONE,
                NOBODY, Duration.ZERO));
    }

    private static void add(InterlockRule rule) {
        RULES.put(rule.id(), rule);
    }

    public static InterlockRule rule(InterlockId id) {
        return RULES.get(id);
    }

    /** Every row, in the matrix's order. */
    public static List<InterlockRule> rules() {
        return List.copyOf(RULES.values());
    }
}
