package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every record of a trail directory, in chain order, without verifying the chain (that is {@link AuditVerifier}'s). */
public final class TrailRecords {
    private TrailRecords() {
    }

    public static List<AuditRecord> read(Path dir) throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        for (Path file : AuditFiles.list(dir)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(AuditRecord.parse(line));
            }
        }
        return records;
    }

    public static List<String> actions(List<AuditRecord> records) {
        return records.stream().map(r -> r.entry().action()).toList();
    }
}
