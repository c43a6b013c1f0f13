package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a trail directory: every record well-formed and hashing to its {@code hash}, {@code seq} from 1 without a
 * gap, each {@code prev} the hash of the record before, across all files in their order; reports the first record
 * that is not. Optionally checks that heads copied elsewhere (run reports, telemetry) are still in the trail.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /** Where the trail first goes wrong: file, line (from 1), the record's seq when it could be read, and what. */
    public record Problem(Path file, long line, Long seq, String what) {
        @Override
        public String toString() {
            return file.getFileName() + " line " + line + (seq == null ? "" : " (seq " + seq + ")") + ": " + what;
        }
    }

    /**
     * The verdict: files and records read up to the first problem, the head of the intact part, the problem if any,
     * copied heads not found in the trail, and notes that are no fault (sidecars of records torn by a crash).
     */
    public record Result(int files, long records, AuditHead head, Optional<Problem> problem,
                         List<String> missingHeads, List<String> notes) {
        public boolean intact() {
            return problem.isEmpty() && missingHeads.isEmpty();
        }
    }

    public static Result verify(Path dir) throws IOException {
        return verify(dir, List.of());
    }

    /** @param expectedHeads hashes of heads kept elsewhere, each of which must be a record of the trail */
    public static Result verify(Path dir, Collection<String> expectedHeads) throws IOException {
        Set<String> missing = new HashSet<>(expectedHeads);
        List<Path> files = AuditFiles.list(dir);
        List<String> notes = new ArrayList<>();
        for (Path sidecar : AuditFiles.tornSidecars(dir)) {
            notes.add(sidecar.getFileName() + " holds a record cut short by a crash, moved aside when the trail was "
                    + "reopened (see its audit_torn_tail record)");
        }
        ChainCheck chain = new ChainCheck(AuditHead.EMPTY);
        long records = 0;
        int filesRead = 0;
        for (Path file : files) {
            filesRead++;
            TrailLines lines = TrailLines.read(file);
            for (TrailLines.Line line : lines.lines()) {
                Optional<Problem> problem = check(chain, file, line, missing);
                if (problem.isPresent()) {
                    return new Result(filesRead, records, chain.head(), problem, List.copyOf(missing), notes);
                }
                records++;
            }
            if (lines.tornBytes() > 0) {
                return new Result(filesRead, records, chain.head(), Optional.of(new Problem(file, lines.tornLine(),
                        null, "torn record: " + lines.tornBytes() + " bytes without a newline at the end of the "
                        + "file, a write cut short (by a crash, or the file was cut)")), List.copyOf(missing), notes);
            }
        }
        if (records == 0) {
            return new Result(filesRead, 0, chain.head(), Optional.of(new Problem(dir, 0, null,
                    "no audit records (files audit-YYYYMMDD-NNN.jsonl) in this directory")), List.copyOf(missing),
                    notes);
        }
        return new Result(filesRead, records, chain.head(), Optional.empty(), List.copyOf(missing), notes);
    }

    private static Optional<Problem> check(ChainCheck chain, Path file, TrailLines.Line line, Set<String> missing) {
        if (line.text() == null) {
            return Optional.of(new Problem(file, line.number(), null, "malformed record: " + line.undecodable()));
        }
        AuditRecord record;
        try {
            record = AuditRecord.parse(line.text());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(file, line.number(), null, "malformed record: " + e.getMessage()));
        }
        Optional<String> wrong = chain.next(record);
        if (wrong.isPresent()) {
            return Optional.of(new Problem(file, line.number(), record.seq(), wrong.get()));
        }
        missing.remove(record.hash());
        return Optional.empty();
    }
}
