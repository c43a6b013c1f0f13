package com.sicfurnace.controller.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every run's report kept under the report directory, one directory per run ({@code <report_dir>/<run id>/}, with
 * {@code summary.json} and {@code trend.csv}), so that the next run writes beside it rather than over it. The
 * directory is named for the controller's run id ({@code f01-2026-12-06T09:00:00Z} becomes
 * {@code f01-2026-12-06T09-00-00Z}); the part of a run taken up again after a restart goes beside the part before,
 * as {@code <id>-2}, {@code -3}, ….
 */
public final class RunHistory {
    /** A run's directory name, as the API takes it: no separators, no dot-only names. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private final Path reportDir;

    public RunHistory(Path reportDir) {
        this.reportDir = reportDir;
    }

    public Path directory() {
        return reportDir;
    }

    /** Writes a run's report into a directory of its own, never over another's; returns that directory. */
    public Path write(String runId, RunSummary summary, List<String> columns, List<TrendRow> trend)
            throws IOException {
        Files.createDirectories(reportDir);
        String base = runId.replaceAll("[^A-Za-z0-9._-]", "-");
        Path dir = reportDir.resolve(base);
        for (int part = 2; Files.exists(dir); part++) {
            dir = reportDir.resolve(base + "-" + part);
        }
        ReportFiles.write(dir, summary, columns, trend);
        return dir;
    }

    /** The ids of the runs kept (directories with a summary), newest directory first by modification time. */
    public List<String> ids() throws IOException {
        if (!Files.isDirectory(reportDir)) {
            return List.of();
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(reportDir)) {
            entries.filter(d -> ID.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve(ReportFiles.SUMMARY))).forEach(runs::add);
        }
        runs.sort(Comparator.comparing(RunHistory::written).reversed()
                .thenComparing(d -> d.getFileName().toString()));
        return runs.stream().map(d -> d.getFileName().toString()).toList();
    }

    private static long written(Path runDir) {
        try {
            return Files.getLastModifiedTime(runDir.resolve(ReportFiles.SUMMARY)).toMillis();
        } catch (IOException e) {
            return 0L; // gone since it was listed: sorts last, and reading it says so
        }
    }

    /**
     * The directory of a kept run; empty for an id that names none.
     *
     * @throws IllegalArgumentException for an id that could not be a run's (a path, {@code ..})
     */
    public Optional<Path> find(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("run id: '" + id + "' is no run's id (letters, digits, . _ -)");
        }
        Path dir = reportDir.resolve(id);
        return Files.isRegularFile(dir.resolve(ReportFiles.SUMMARY)) ? Optional.of(dir) : Optional.empty();
    }
}
