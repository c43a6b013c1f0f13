package com.sicfurnace.controller.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.user.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/safety.md and the code hold the same interlock matrix and the same permissives, row for row: the tables
 * between the document's markers must read exactly as the rules render here. A row added, changed or removed on
 * one side only fails this test.
 */
class SafetyDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "..", "docs", "safety.md");

    @Test
    void theMatrixInTheDocumentIsTheMatrixTheCodeEvaluates() throws IOException {
        List<String> expected = InterlockMatrix.rules().stream().map(SafetyDocumentTest::row).toList();
        assertEquals(expected, table("matrix"), "docs/safety.md's matrix differs from InterlockMatrix");
        assertEquals(InterlockId.values().length, expected.size());
    }

    @Test
    void thePermissivesInTheDocumentAreThePermissivesTheCodeChecks() throws IOException {
        List<String> expected = Arrays.stream(Permissive.values()).map(p -> "| `" + p.label() + "` | "
                + (p.energising() ? "start and switching the heater on" : "heating above `permissives.heating_above_c`")
                + " | " + p.condition() + " |").toList();
        assertEquals(expected, table("permissives"), "docs/safety.md's permissives differ from Permissive");
    }

    private static String row(InterlockRule rule) {
        return "| `" + rule.id().label() + "` | " + rule.cause() + " | " + rule.delay() + " | "
                + rule.effect().label() + " | " + (rule.closesGas() ? "closes gas" : "-") + " | "
                + (rule.tracksHeater() ? "follows measured power" : "-") + " | "
                + (rule.reset().latches() ? "latches" : "does not latch") + "; " + resetBy(rule.reset()) + " | "
                + rule.resetWhen() + " | " + bypass(rule) + " |";
    }

    private static String resetBy(ResetRule reset) {
        return switch (reset) {
            case OPERATOR -> "operator reset";
            case OPERATOR_PLC -> "operator reset pulses `plc_watchdog_reset`";
            case SELF -> "clears itself";
        };
    }

    private static String bypass(InterlockRule rule) {
        if (!rule.bypassable()) {
            return "never";
        }
        String roles = rule.bypassBy().stream().map(Role::label).sorted().collect(Collectors.joining(", "));
        Duration max = rule.maxBypass();
        return roles + ", at most " + (max.toMinutes() % 60 == 0 ? max.toHours() + " h" : max.toMinutes() + " min");
    }

    /** The table rows between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, header rows skipped. */
    private static List<String> table(String name) throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
        int begin = lines.indexOf("<!-- " + name + ":begin -->");
        int end = lines.indexOf("<!-- " + name + ":end -->");
        if (begin < 0 || end < begin) {
            throw new AssertionError("docs/safety.md has no " + name + " table between its markers");
        }
        return lines.subList(begin + 1, end).stream().filter(l -> l.startsWith("| `")).toList();
    }
}
