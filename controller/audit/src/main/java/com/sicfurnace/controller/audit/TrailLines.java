package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of one trail file, numbered from 1; a last line without its newline is torn (cut short mid-write). */
record TrailLines(Path file, List<Line> lines, int tornBytes) {

    /** One complete line: its text, or why it is no text (not UTF-8). */
    record Line(long number, String text, String undecodable) {
    }

    static TrailLines read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(decode(++number, bytes, start, i));
                start = i + 1;
            }
        }
        return new TrailLines(file, List.copyOf(lines), bytes.length - start);
    }

    /** The number the torn line would have: one after the last complete line. */
    long tornLine() {
        return lines.size() + 1L;
    }

    private static Line decode(long number, byte[] bytes, int from, int to) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not UTF-8: " + e.getMessage());
        }
    }
}
