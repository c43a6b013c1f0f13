package com.sicfurnace.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/audit.md's worked example against the code, so that an auditor can trust the documented canonical form: the
 * example's hashes were computed with Python's json.dumps, independently of this code.
 */
class AuditFormatDocTest {
    private static final Path DOC = Path.of("..", "..", "docs", "audit.md");

    @TempDir
    Path dir;

    /** The fenced blocks of the worked example section, each as its lines. */
    private static List<List<String>> exampleBlocks() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("### Worked example"), doc.indexOf("Re-verifying with another tool"));
        List<List<String>> blocks = new ArrayList<>();
        String[] parts = section.split("```");
        for (int i = 1; i < parts.length; i += 2) {
            blocks.add(parts[i].strip().lines().toList());
        }
        return blocks;
    }

    @Test
    void theWorkedExampleIsWhatTheCodeWritesAndHashes() throws IOException {
        List<List<String>> blocks = exampleBlocks();
        assertEquals(2, blocks.size(), "the records and the first one's canonical form");
        List<String> lines = blocks.get(0);
        assertEquals(2, lines.size());
        AuditHead head = AuditHead.EMPTY;
        for (String line : lines) {
            AuditRecord record = AuditRecord.parse(line);
            assertEquals(record.hash(), record.computedHash(), "the documented hash of seq " + record.seq());
            assertEquals(line, record.line(), "the code writes the documented line");
            assertEquals(record, AuditRecord.after(head, record.entry()), "numbered and chained as documented");
            head = record.head();
        }
        assertEquals(List.of(AuditRecord.parse(lines.get(0)).canonical()), blocks.get(1));

        Files.write(dir.resolve("audit-20260105-001.jsonl"), (String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        AuditVerifier.Result result = AuditVerifier.verify(dir);
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(head, result.head());
    }

    /** Only quote, backslash and control characters are escaped (control characters in lower-case hex), as JCS does. */
    @Test
    void stringsAreEscapedAsTheCanonicalFormSays() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("z", "quote \" backslash \\ tab \t newline \n nul \u0000 unit \u001f del \u007f");
        object.put("a", "ü € \u2028 😀 /");
        object.put("m", List.of(1L, true, Map.of("y", -3L, "b", "x")));
        object.put("n", null);
        assertEquals("{\"a\":\"ü € \u2028 😀 /\",\"m\":[1,true,{\"b\":\"x\",\"y\":-3}],\"n\":null,"
                + "\"z\":\"quote \\\" backslash \\\\ tab \\t newline \\n nul \\u0000 unit \\u001f del \u007f\"}",
                CanonicalJson.canonical(object));
    }

    /** Decimals and numbers beyond 2^53 - 1 would hash differently in different tools: they go as text. */
    @Test
    void valuesThatToolsWriteDifferentlyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditValues.copyOf(Map.of("speed", 60.0)));
        assertThrows(IllegalArgumentException.class, () -> AuditValues.copyOf(Map.of("big", 1L << 53)));
        assertEquals(Map.of("speed", "60.0", "step", 3L), AuditValues.copyOf(Map.of("speed",
                AuditValues.decimal(60.0), "step", 3)));
    }
}
