package com.sicfurnace.controller.recipe.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed recipes, each with the full messages it must produce. The building blocks below fix the line
 * numbers: HEADER is lines 1-3, so the first step starts on line 4; EVACUATE (4 lines) and HEAT (6 lines)
 * usually follow, putting the next step on line 14.
 */
class RecipeMalformedTest {
    private static final String HEADER = """
            recipe: r
            furnace: 6inch
            steps:
            """;
    private static final String EVACUATE = """
              - name: evacuate
                type: wait
                vacuum: high-vacuum
                until: {pressure_mbar: {below: 1e-4}}
            """;
    private static final String HEAT = """
              - name: heat
                type: ramp
                heater: temperature
                seed_c: 2000
                source_c: 2020
                time: 8 h
            """;
    private static final String OFF = """
              - name: off
                type: soak
                heater: off
                duration: 1 h
            """;
    private static final String REST = """
              - {name: rest, type: soak, duration: 1 h}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource({"fileAndHeaderProblems", "stepStructureProblems", "valueProblems", "sequenceProblems"})
    void reportsEveryProblemWithItsLocation(String description, String yaml, List<String> expected) {
        RecipeException e = assertThrows(RecipeException.class,
                () -> RecipeLoader.parse(yaml, "test.yaml", RecipeLoaderTest.LIMITS));

        assertEquals(expected, e.problems().stream().map(RecipeProblem::toString).toList());
        assertEquals(String.join("\n", expected), e.getMessage());
    }

    static Stream<Arguments> fileAndHeaderProblems() {
        return Stream.of(
                Arguments.of("empty file", "", List.of(
                        "test.yaml:1: the file is empty; a recipe needs at least recipe, furnace and steps")),
                Arguments.of("only comments", "# draft, to be written\n", List.of(
                        "test.yaml:1: the file is empty; a recipe needs at least recipe, furnace and steps")),
                Arguments.of("YAML syntax error at the parser's line", HEADER + """
                          - name: a
                            type: [ramp
                          - name: b
                        """, List.of("test.yaml:6: YAML syntax error: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts on line 5)")),
                Arguments.of("tab used for indentation", HEADER + "\t- name: a\n", List.of(
                        "test.yaml:4: YAML syntax error: found character '\\t(TAB)' that cannot start any token. "
                                + "(Do not use \\t(TAB) for indentation)")),
                Arguments.of("aliases are refused", "recipe: &name r\nfurnace: *name\n", List.of(
                        "test.yaml:2: YAML syntax error: aliases like '*name' are not supported in recipes; "
                                + "write the value out")),
                Arguments.of("second document", "recipe: r\n---\nrecipe: s\n", List.of(
                        "test.yaml:3: YAML syntax error: a recipe file holds one YAML document, but a second one "
                                + "starts here")),
                Arguments.of("file is a list", "- recipe: r\n", List.of(
                        "test.yaml:1: a recipe file must be a mapping of recipe, furnace, steps and other fields, "
                                + "not a list")),
                Arguments.of("required header fields missing", "description: nothing else\n", List.of(
                        "test.yaml:1: recipe: required field is missing",
                        "test.yaml:1: furnace: required field is missing",
                        "test.yaml:1: steps: required field is missing")),
                Arguments.of("unknown header field with suggestion", """
                        recipe: r
                        furnace: 6inch
                        descripton: growth run
                        steps:
                        """ + REST, List.of(
                        "test.yaml:3: unknown field 'descripton' (did you mean 'description'?)")),
                Arguments.of("unknown header field without suggestion", """
                        recipe: r
                        furnace: 6inch
                        operator: kim
                        steps:
                        """ + REST, List.of(
                        "test.yaml:3: unknown field 'operator'; expected one of recipe, furnace, description, "
                                + "holdback, steps")),
                Arguments.of("recipe for another furnace", """
                        recipe: r
                        furnace: 8inch
                        steps:
                        """ + REST, List.of(
                        "test.yaml:2: furnace: this recipe is for furnace '8inch', but this furnace is '6inch'")),
                Arguments.of("empty name and a mapping for a text", """
                        recipe: ""
                        furnace: 6inch
                        description: {text: x}
                        steps:
                        """ + REST, List.of(
                        "test.yaml:1: recipe: must not be empty",
                        "test.yaml:3: description: must be a text, not a mapping")),
                Arguments.of("no steps", "recipe: r\nfurnace: 6inch\nsteps: []\n", List.of(
                        "test.yaml:3: steps: must list at least one step")),
                Arguments.of("steps as a mapping", HEADER + "  name: a\n  type: soak\n", List.of(
                        "test.yaml:3: steps: must be a list, not a mapping")),
                Arguments.of("header holdback", """
                        recipe: r
                        furnace: 6inch
                        holdback: {type: wide, limit_k: 0}
                        steps:
                        """ + REST, List.of(
                        "test.yaml:3: holdback.type: must be one of band, high, low, not 'wide'",
                        "test.yaml:3: holdback.limit_k: 0 K must be greater than 0 K")));
    }

    static Stream<Arguments> stepStructureProblems() {
        return Stream.of(
                Arguments.of("step is a text", HEADER + "  - pump down\n", List.of(
                        "test.yaml:4: step 1 '': a step must be a mapping like {name: pump-down, type: wait, ...}, "
                                + "not 'pump down'")),
                Arguments.of("step without name and type", HEADER + "  - vacuum: rough\n", List.of(
                        "test.yaml:4: step 1 '': name: required field is missing",
                        "test.yaml:4: step 1 '': type: required field is missing")),
                Arguments.of("invalid step name", HEADER + "  - {name: -cool, type: soak, duration: 1 h}\n",
                        List.of("test.yaml:4: step 1 '-cool': name: '-cool' is not a valid step name: start with a "
                                + "letter or digit, then use letters, digits, spaces, '_' or '-'")),
                Arguments.of("duplicate step names", HEADER + REST + "  - {name: rest, type: soak, duration: 2 h}\n",
                        List.of("test.yaml:5: step 2 'rest': name: 'rest' is already the name of step 1")),
                Arguments.of("unknown step type", HEADER + "  - {name: heat, type: ramps, time: 1 h}\n", List.of(
                        "test.yaml:4: step 1 'heat': type: must be one of ramp, soak, wait, leak-check, not 'ramps'")),
                Arguments.of("unknown step field with suggestion", HEADER + """
                          - name: heat
                            type: ramp
                            heater: power
                            power_kw: 10
                            rate_kw_per_h: 5
                            seed_C: 2000
                        """, List.of("test.yaml:9: step 1 'heat': unknown field 'seed_C' (did you mean 'seed_c'?)")),
                Arguments.of("unknown step field lists the fields of its type", HEADER + """
                          - name: rest
                            type: soak
                            duration: 1 h
                            operator: kim
                        """, List.of("test.yaml:7: step 1 'rest': unknown field 'operator'; expected one of name, "
                        + "type, heater, vacuum, pressure_mbar, ar_sccm, n2_sccm, holdback, duration")),
                Arguments.of("key given twice", HEADER + """
                          - name: heat
                            type: ramp
                            heater: power
                            power_kw: 10
                            power_kw: 12
                            time: 1 h
                        """, List.of("test.yaml:8: step 1 'heat': power_kw: appears more than once (first on line 7)")),
                Arguments.of("ramp pace missing or doubled", HEADER + """
                          - name: a
                            type: ramp
                            heater: power
                            power_kw: 10
                          - name: b
                            type: ramp
                            heater: power
                            power_kw: 10
                            time: 1 h
                            rate_kw_per_h: 5
                        """, List.of(
                        "test.yaml:4: step 1 'a': a ramp needs a pace: time, rate_c_per_h or rate_kw_per_h",
                        "test.yaml:13: step 2 'b': rate_kw_per_h: a ramp takes one pace; give time or "
                                + "rate_kw_per_h, not both")),
                Arguments.of("ramp targets missing for the pace", HEADER + """
                          - name: a
                            type: ramp
                            heater: temperature
                            time: 1 h
                          - name: b
                            type: ramp
                            heater: temperature
                            pressure_mbar: 10
                            rate_c_per_h: 100
                          - name: c
                            type: ramp
                            heater: temperature
                            seed_c: 2000
                            rate_kw_per_h: 10
                        """, List.of(
                        "test.yaml:4: step 1 'a': a ramp needs at least one target: seed_c, source_c, power_kw, "
                                + "pressure_mbar, ar_sccm or n2_sccm",
                        "test.yaml:12: step 2 'b': rate_c_per_h: needs a seed_c or source_c target in the same step",
                        "test.yaml:17: step 3 'c': rate_kw_per_h: needs a power_kw target in the same step")),
                Arguments.of("soak and wait cannot change heater setpoints", HEADER + """
                          - name: hold
                            type: soak
                            seed_c: 2000
                            duration: 1 h
                          - name: settle
                            type: wait
                            power_kw: 5
                            until: {seed_c: {above: 1900}}
                        """, List.of(
                        "test.yaml:6: step 1 'hold': seed_c: a soak step cannot change seed_c; use a ramp",
                        "test.yaml:10: step 2 'settle': power_kw: a wait step cannot change power_kw; use a ramp")),
                Arguments.of("leak-check takes no vacuum or targets", HEADER + """
                          - name: check
                            type: leak-check
                            vacuum: isolated
                            ar_sccm: 0
                            duration: 10 min
                            max_leak_rate_mbar_l_per_s: 0
                            on_fail: retry
                            linear_ratio: 1.5
                        """, List.of(
                        "test.yaml:6: step 1 'check': vacuum: a leak-check step isolates the chamber itself and "
                                + "takes no vacuum setting",
                        "test.yaml:7: step 1 'check': ar_sccm: a leak-check step takes no targets",
                        "test.yaml:9: step 1 'check': max_leak_rate_mbar_l_per_s: 0 mbar·l/s must be greater than "
                                + "0 mbar·l/s",
                        "test.yaml:10: step 1 'check': on_fail: must be one of hold, abort, not 'retry'",
                        "test.yaml:11: step 1 'check': linear_ratio: 1.5 must be greater than 0 and at most 1")),
                Arguments.of("leak-check without duration and limit", HEADER + "  - {name: check, type: leak-check}\n",
                        List.of("test.yaml:4: step 1 'check': duration: required field is missing",
                                "test.yaml:4: step 1 'check': max_leak_rate_mbar_l_per_s: required field is missing")),
                Arguments.of("wait conditions", HEADER + """
                          - name: pump
                            type: wait
                            vacuum: rough
                            until:
                              presure_mbar: {below: 1}
                              seed_c: 1800
                              turbo_speed_pct: {below: 10, above: 90}
                              insulation_c: {below: cold}
                            on_timeout: abort
                        """, List.of(
                        "test.yaml:8: step 1 'pump': until: unknown field 'presure_mbar' (did you mean "
                                + "'pressure_mbar'?)",
                        "test.yaml:9: step 1 'pump': until.seed_c: must be a mapping like {below: 5e-5} or "
                                + "{above: 1800}, not '1800'",
                        "test.yaml:10: step 1 'pump': until.turbo_speed_pct: give exactly one of below or above",
                        "test.yaml:11: step 1 'pump': until.insulation_c.below: must be a number, not 'cold'",
                        "test.yaml:12: step 1 'pump': on_timeout: has no effect without a timeout")),
                Arguments.of("wait without conditions", HEADER + """
                          - name: pump
                            type: wait
                            vacuum: rough
                            timeout: 1 h
                            on_timeout: retry
                          - name: settle
                            type: wait
                            until: {}
                        """, List.of(
                        "test.yaml:4: step 1 'pump': until: required field is missing",
                        "test.yaml:8: step 1 'pump': on_timeout: must be one of hold, abort, continue, not 'retry'",
                        "test.yaml:11: step 2 'settle': until: must name at least one condition, like "
                                + "{pressure_mbar: {below: 5e-5}}")),
                Arguments.of("lists where values or mappings belong", HEADER + """
                          - name: pump
                            type: wait
                            vacuum: [rough]
                            until:
                              - pressure_mbar
                          - name: [hold]
                            type: soak
                            duration: 1 h
                        """, List.of(
                        "test.yaml:6: step 1 'pump': vacuum: must be one of vent, rough, high-vacuum, isolated, "
                                + "process, not a list",
                        "test.yaml:7: step 1 'pump': until: must be a mapping like {pressure_mbar: {below: 5e-5}}, "
                                + "not a list",
                        "test.yaml:9: step 2 '': name: must be a text, not a list")),
                Arguments.of("step holdback", HEADER + """
                          - name: hold
                            type: soak
                            duration: 1 h
                            holdback: band
                          - name: settle
                            type: wait
                            until: {pressure_mbar: {below: 1}}
                            holdback: {type: band, limit_k: 5}
                          - name: ramp
                            type: ramp
                            heater: temperature
                            seed_c: 2000
                            source_c: 2020
                            time: 1 h
                            holdback: {type: band, limit: 5}
                        """, List.of(
                        "test.yaml:7: step 1 'hold': holdback: must be a mapping like {type: band, limit_k: 5}, "
                                + "not 'band'",
                        "test.yaml:11: step 2 'settle': holdback: holdback applies only to ramp and soak steps",
                        "test.yaml:18: step 3 'ramp': holdback: unknown field 'limit' (did you mean 'limit_k'?)",
                        "test.yaml:18: step 3 'ramp': holdback.limit_k: required field is missing")));
    }

    static Stream<Arguments> valueProblems() {
        return Stream.of(
                Arguments.of("number that is not a number", HEADER + """
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: hot
                            source_c: 2020
                            time: 1 h
                        """, List.of("test.yaml:7: step 1 'heat': seed_c: must be a number, not 'hot'")),
                Arguments.of("heater and vacuum spelt wrong", HEADER + """
                          - name: heat
                            type: soak
                            heater: on
                            vacuum: turbo
                            duration: 1 h
                        """, List.of(
                        "test.yaml:6: step 1 'heat': heater: must be one of off, power, temperature, not 'on'",
                        "test.yaml:7: step 1 'heat': vacuum: must be one of vent, rough, high-vacuum, isolated, "
                                + "process, not 'turbo'")),
                Arguments.of("temperatures and rate beyond the furnace", HEADER + """
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: 2700
                            source_c: 900
                            rate_c_per_h: 900
                        """, List.of(
                        "test.yaml:7: step 1 'heat': seed_c: 2700 °C exceeds the furnace limit of 2600 °C",
                        "test.yaml:8: step 1 'heat': source_c: 900 °C is below the minimum of 1050 °C",
                        "test.yaml:9: step 1 'heat': rate_c_per_h: 900 °C/h exceeds the furnace limit of 300 °C/h")),
                Arguments.of("zero temperature rate", HEADER + """
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: 2000
                            source_c: 2020
                            rate_c_per_h: 0
                        """, List.of("test.yaml:9: step 1 'heat': rate_c_per_h: 0 °C/h must be greater than 0 °C/h")),
                Arguments.of("power and power rate beyond the furnace", HEADER + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 40
                            rate_kw_per_h: 50
                          - name: cool
                            type: ramp
                            power_kw: -1
                            rate_kw_per_h: 10
                        """, List.of(
                        "test.yaml:7: step 1 'warm': power_kw: 40 kW exceeds the furnace limit of 35 kW",
                        "test.yaml:8: step 1 'warm': rate_kw_per_h: 50 kW/h exceeds the furnace limit of 40 kW/h",
                        "test.yaml:11: step 2 'cool': power_kw: -1 kW is below the minimum of 0 kW")),
                Arguments.of("pressure and gas flows beyond the furnace", HEADER + """
                          - name: backfill
                            type: wait
                            vacuum: process
                            pressure_mbar: 0.1
                            ar_sccm: 7000
                            n2_sccm: 20
                            until: {pressure_mbar: {above: 1}}
                        """, List.of(
                        "test.yaml:7: step 1 'backfill': pressure_mbar: 0.1 mbar is below the minimum of 0.5 mbar",
                        "test.yaml:8: step 1 'backfill': ar_sccm: 7000 sccm exceeds the furnace limit of 6000 sccm",
                        "test.yaml:9: step 1 'backfill': n2_sccm: 20 sccm exceeds the furnace limit of 15 sccm")),
                Arguments.of("durations", HEADER + """
                          - {name: a, type: soak, duration: 90}
                          - {name: b, type: soak, duration: 500 h}
                          - {name: c, type: soak, duration: 0 s}
                          - {name: d, type: soak, duration: 3 days}
                        """, List.of(
                        "test.yaml:4: step 1 'a': duration: must be a duration like '90 min' (a number, then s, min "
                                + "or h), not '90'",
                        "test.yaml:5: step 2 'b': duration: 500 h exceeds the furnace limit of 400 h per step",
                        "test.yaml:6: step 3 'c': duration: 0 s must be longer than 0",
                        "test.yaml:7: step 4 'd': duration: must be a duration like '90 min' (a number, then s, min "
                                + "or h), not '3 days'")),
                Arguments.of("problems in header and several steps together", """
                        recipe: r
                        furnace: 6inch
                        descriptoin: growth run
                        steps:
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: 3000
                            source_c: 2020
                            rate_c_per_h: 100
                          - name: hold
                            type: soak
                            duraton: 1 h
                        """, List.of(
                        "test.yaml:3: unknown field 'descriptoin' (did you mean 'description'?)",
                        "test.yaml:8: step 1 'heat': seed_c: 3000 °C exceeds the furnace limit of 2600 °C",
                        "test.yaml:11: step 2 'hold': duration: required field is missing",
                        "test.yaml:13: step 2 'hold': unknown field 'duraton' (did you mean 'duration'?)")));
    }

    static Stream<Arguments> sequenceProblems() {
        return Stream.of(
                Arguments.of("heater on at atmosphere", HEADER + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 5
                            time: 1 h
                        """ + OFF, List.of("test.yaml:6: step 1 'warm': heater: heater 'power' needs vacuum "
                        + "'high-vacuum', 'isolated' or 'process', not 'vent'")),
                Arguments.of("venting a hot furnace", HEADER + EVACUATE + HEAT + """
                          - name: vent
                            type: soak
                            vacuum: vent
                            duration: 1 h
                        """ + OFF, List.of("test.yaml:16: step 3 'vent': vacuum: heater 'temperature' needs vacuum "
                        + "'high-vacuum', 'isolated' or 'process', not 'vent'")),
                Arguments.of("setpoints in the wrong heater mode", HEADER + EVACUATE + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 5
                            seed_c: 1500
                            time: 1 h
                          - name: hot
                            type: ramp
                            heater: temperature
                            seed_c: 1500
                            source_c: 1520
                            power_kw: 10
                            time: 1 h
                        """ + OFF, List.of(
                        "test.yaml:12: step 2 'warm': seed_c: needs heater 'temperature', but the heater is 'power'",
                        "test.yaml:19: step 3 'hot': power_kw: needs heater 'power', but the heater is "
                                + "'temperature'")),
                Arguments.of("first temperature step without source", HEADER + EVACUATE + """
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: 2000
                            time: 8 h
                        """ + OFF, List.of("test.yaml:10: step 2 'heat': source_c: has no setpoint yet; the first "
                        + "step with heater 'temperature' must set both seed_c and source_c")),
                Arguments.of("gradient outside the furnace limits", HEADER + EVACUATE + """
                          - name: heat
                            type: ramp
                            heater: temperature
                            seed_c: 2000
                            source_c: 1990
                            time: 8 h
                          - name: steepen
                            type: ramp
                            source_c: 2350
                            rate_c_per_h: 100
                        """ + OFF, List.of(
                        "test.yaml:12: step 2 'heat': source_c: source_c - seed_c = 1990 - 2000 = -10 K, below the "
                                + "furnace minimum of 0 K",
                        "test.yaml:16: step 3 'steepen': source_c: source_c - seed_c = 2350 - 2000 = 350 K, above "
                                + "the furnace limit of 300 K")),
                Arguments.of("timed ramp faster than the furnace allows", HEADER + EVACUATE + HEAT + """
                          - name: fast
                            type: ramp
                            seed_c: 2200
                            source_c: 2220
                            time: 30 min
                        """ + OFF, List.of(
                        "test.yaml:18: step 3 'fast': time: seed_c 2000 → 2200 °C in 30 min is 400 °C/h, above the "
                                + "furnace limit of 300 °C/h",
                        "test.yaml:18: step 3 'fast': time: source_c 2020 → 2220 °C in 30 min is 400 °C/h, above "
                                + "the furnace limit of 300 °C/h")),
                Arguments.of("timed power ramp faster than the furnace allows", HEADER + EVACUATE + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 10
                            time: 1 h
                          - name: hotter
                            type: ramp
                            power_kw: 30
                            time: 15 min
                        """ + OFF, List.of("test.yaml:16: step 3 'hotter': time: power_kw 10 → 30 kW in 15 min is "
                        + "80 kW/h, above the furnace limit of 40 kW/h")),
                Arguments.of("power ramp while in temperature control", HEADER + EVACUATE + HEAT + """
                          - name: boost
                            type: ramp
                            power_kw: 20
                            rate_kw_per_h: 10
                        """ + OFF, List.of(
                        "test.yaml:16: step 3 'boost': power_kw: needs heater 'power', but the heater is "
                                + "'temperature'",
                        "test.yaml:17: step 3 'boost': rate_kw_per_h: needs heater 'power', but the heater is "
                                + "'temperature'")),
                Arguments.of("pressure setpoint outside process", HEADER + EVACUATE + """
                          - name: throttle
                            type: soak
                            pressure_mbar: 100
                            duration: 1 h
                        """, List.of("test.yaml:10: step 2 'throttle': pressure_mbar: a pressure setpoint needs "
                        + "vacuum 'process', not 'high-vacuum'")),
                Arguments.of("gas flow outside process", HEADER + EVACUATE + """
                          - name: purge
                            type: soak
                            ar_sccm: 100
                            duration: 1 h
                        """, List.of("test.yaml:10: step 2 'purge': ar_sccm: 100 sccm of gas needs vacuum "
                        + "'process', not 'high-vacuum'; outside 'process' set ar_sccm: 0")),
                Arguments.of("gas flow carried out of process", HEADER + EVACUATE + """
                          - name: backfill
                            type: wait
                            vacuum: process
                            ar_sccm: 500
                            n2_sccm: 5
                            pressure_mbar: 800
                            until: {pressure_mbar: {above: 750}}
                          - name: evacuate-again
                            type: wait
                            vacuum: high-vacuum
                            n2_sccm: 0
                            until: {pressure_mbar: {below: 1e-4}}
                        """, List.of("test.yaml:17: step 3 'evacuate-again': ar_sccm: 500 sccm from an earlier step "
                        + "still flows, but gas needs vacuum 'process', not 'high-vacuum'; set ar_sccm: 0 in this "
                        + "step")),
                Arguments.of("holdback without temperature control", HEADER + EVACUATE + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 10
                            time: 1 h
                            holdback: {type: band, limit_k: 5}
                        """ + OFF, List.of("test.yaml:13: step 2 'warm': holdback: needs heater 'temperature', but "
                        + "the heater is 'power'")),
                Arguments.of("leak checks out of high vacuum or with the heater on", HEADER + """
                          - name: rough
                            type: wait
                            vacuum: rough
                            until: {pressure_mbar: {below: 1}}
                          - name: check-rough
                            type: leak-check
                            duration: 10 min
                            max_leak_rate_mbar_l_per_s: 1e-4
                        """ + EVACUATE.replace("evacuate", "evacuate-fully") + """
                          - name: warm
                            type: ramp
                            heater: power
                            power_kw: 5
                            time: 1 h
                          - name: check-hot
                            type: leak-check
                            duration: 10 min
                            max_leak_rate_mbar_l_per_s: 1e-4
                        """ + OFF, List.of(
                        "test.yaml:8: step 2 'check-rough': a leak check needs vacuum 'high-vacuum' before it, not "
                                + "'rough'",
                        "test.yaml:21: step 5 'check-hot': heater: a leak check needs the heater 'off', not 'power'")),
                Arguments.of("recipe ends with the heater on", HEADER + EVACUATE + HEAT, List.of(
                        "test.yaml:10: step 2 'heat': heater: the last step must leave the heater 'off', not "
                                + "'temperature'")));
    }
}
