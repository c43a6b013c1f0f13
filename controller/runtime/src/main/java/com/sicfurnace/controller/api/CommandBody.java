package com.sicfurnace.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.program.Setpoint;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command as the API takes it: a JSON object naming the command by its action ({@code hold}, {@code acknowledge},
 * ...), the acting user and role, the reason, and the command's own fields. Anything malformed is refused with the
 * field named; whether the user may do it, and whether the run's state allows it, is the core's to decide.
 */
record CommandBody(Command command, Actor actor, String reason) {
    static final Set<String> ACTIONS = Set.of("start", "hold", "resume", "abort", "reset_interlocks", "acknowledge",
            "shelve", "unshelve", "bypass", "end_bypass", "tune", "override_setpoint", "load_recipe",
            "start_auto_tune", "abort_auto_tune", "accept_tuning", "reject_tuning");
    /** The relay test's defaults where the body leaves them out: docs/api.md. */
    static final double HYSTERESIS_K = 0.5;
    static final int CYCLES = 3;
    static final double MAX_S = 7200.0;

    /**
     * @param recipes where {@code load_recipe} finds its file, if this controller has a recipe library
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static CommandBody parse(JsonNode body, Optional<RecipeLibrary> recipes) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body is a JSON object: {\"command\": ..., \"user\": ..., "
                    + "\"role\": ..., \"reason\": ...}");
        }
        String action = text(body, "command");
        Role role = role(text(body, "role"));
        Actor actor = new Actor(text(body, "user"), role);
        String reason = body.has("reason") ? text(body, "reason") : "";
        return new CommandBody(command(action, body, recipes), actor, reason);
    }

    private static Role role(String label) {
        Role role;
        try {
            role = Role.of(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field role: " + e.getMessage(), e);
        }
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("field role: 'system' is the controller's own; a person is an "
                    + "operator, an engineer or an admin");
        }
        return role;
    }

    private static Command command(String action, JsonNode b, Optional<RecipeLibrary> recipes) {
        return switch (action) {
            case "start" -> new Command.Start();
            case "hold" -> new Command.Hold();
            case "resume" -> new Command.Resume();
            case "abort" -> new Command.Abort();
            case "reset_interlocks" -> new Command.ResetInterlocks();
            case "acknowledge" -> new Command.Acknowledge(alarm(b));
            case "shelve" -> new Command.Shelve(alarm(b), shelveMode(b), b.has("duration_min") ? minutes(b) : null);
            case "unshelve" -> new Command.Unshelve(alarm(b));
            case "bypass" -> new Command.Bypass(interlock(b), minutes(b));
            case "end_bypass" -> new Command.EndBypass(interlock(b));
            case "tune" -> new Command.Tune(named(LoopId.class, b, "loop"), number(b, "kp"), number(b, "ti_s"),
                    number(b, "td_s"));
            case "override_setpoint" -> new Command.OverrideSetpoint(named(Setpoint.class, b, "setpoint"),
                    number(b, "value"));
            case "start_auto_tune" -> new Command.StartAutoTune(named(LoopId.class, b, "loop"),
                    number(b, "amplitude_kw"), number(b, "band_k"),
                    b.has("hysteresis_k") ? number(b, "hysteresis_k") : HYSTERESIS_K,
                    b.has("cycles") ? whole(b, "cycles") : CYCLES, b.has("max_s") ? number(b, "max_s") : MAX_S);
            case "abort_auto_tune" -> new Command.AbortAutoTune(named(LoopId.class, b, "loop"));
            case "accept_tuning" -> new Command.AcceptTuning(named(LoopId.class, b, "loop"));
            case "reject_tuning" -> new Command.RejectTuning(named(LoopId.class, b, "loop"));
            case "load_recipe" -> loadRecipe(b, recipes.orElseThrow(() -> new IllegalArgumentException("field "
                    + "command: this controller has no recipe library to load from; it runs the recipe it started "
                    + "with")));
            default -> throw new IllegalArgumentException("field command: '" + action + "' is none of "
                    + new TreeSet<>(ACTIONS));
        };
    }

    /** A file of the library by {@code recipe}, or a version of the HMI's store sent as text. */
    private static Command loadRecipe(JsonNode b, RecipeLibrary library) {
        if (!b.has("yaml")) {
            return library.load(text(b, "recipe"));
        }
        int version = whole(b, "version");
        try {
            return library.loadVersion(text(b, "store_recipe"), version, text(b, "yaml"), text(b, "sha256"));
        } catch (IOException e) {
            throw new UncheckedIOException("the received recipe cannot be kept: " + e.getMessage(), e);
        }
    }

    private static int whole(JsonNode b, String field) {
        double value = number(b, field);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field " + field + ": a whole number is required, not " + value);
        }
        return (int) value;
    }

    private static AlarmId alarm(JsonNode b) {
        return AlarmId.of(text(b, "alarm"));
    }

    private static InterlockId interlock(JsonNode b) {
        try {
            return InterlockId.of(text(b, "interlock"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field interlock: " + e.getMessage(), e);
        }
    }

    private static ShelveMode shelveMode(JsonNode b) {
        return named(ShelveMode.class, b, "mode");
    }

    private static Duration minutes(JsonNode b) {
        double min = number(b, "duration_min");
        if (!(min > 0)) {
            throw new IllegalArgumentException("field duration_min: must be positive, not " + min);
        }
        return Duration.ofMillis(Math.round(min * 60_000));
    }

    private static <E extends Enum<E>> E named(Class<E> type, JsonNode b, String field) {
        String value = text(b, field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + ": '" + value + "' is none of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList(), e);
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode value = b.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("field " + field + ": a non-empty string is required");
        }
        return value.asText();
    }

    private static double number(JsonNode b, String field) {
        JsonNode value = b.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException("field " + field + ": a finite number is required");
        }
        return value.asDouble();
    }
}
