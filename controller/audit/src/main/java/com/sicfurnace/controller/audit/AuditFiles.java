package com.sicfurnace.controller.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a trail: {@code audit-YYYYMMDD-NNN.jsonl} in one directory, in the order of date and then number
 * (compared as numbers). The date is that of the file's first record; the writer never names a file that sorts before
 * one that exists, so this order is the order of the chain even if a clock went back.
 */
public final class AuditFiles {
    private static final Pattern NAME = Pattern.compile("audit-(\\d{8})-(\\d{3,9})\\.jsonl");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    /** Where a record cut short by a crash is kept: the file's name with this suffix. */
    public static final String TORN_SUFFIX = ".torn";

    private AuditFiles() {
    }

    /** A trail file's name: its date and its number on that date. */
    public record Name(String day, int number) implements Comparable<Name> {
        @Override
        public int compareTo(Name other) {
            return Comparator.comparing(Name::day).thenComparingInt(Name::number).compare(this, other);
        }

        public String fileName() {
            return String.format(Locale.ROOT, "audit-%s-%03d.jsonl", day, number);
        }

        static Name of(Path file) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            return m.matches() ? new Name(m.group(1), Integer.parseInt(m.group(2))) : null;
        }
    }

    /** The trail's files in chain order. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Name.of(f) != null && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(Name::of)).toList();
        }
    }

    /** Sidecars holding records cut short by a crash, by name. */
    public static List<Path> tornSidecars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".jsonl" + TORN_SUFFIX)).sorted().toList();
        }
    }

    /** The name of a new file for records of {@code day}, sorting after {@code last} (null for the first file). */
    public static Name next(Path last, LocalDate day) {
        String today = DAY.format(day);
        Name previous = last == null ? null : Name.of(last);
        if (previous == null || previous.day().compareTo(today) < 0) {
            return new Name(today, 1);
        }
        return new Name(previous.day(), previous.number() + 1);
    }
}
