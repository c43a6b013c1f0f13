package com.sicfurnace.controller.api;

import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's memory of the furnace for trends, in two tiers: every numeric catalogue value once per furnace
 * second for the last 24 hours, and its minimum, maximum and last value per furnace minute for the last 8 days (a
 * whole 141-hour run). Values are kept as floats (7 significant digits, enough for any measurement of the I/O list):
 * with about 90 values that is 31 MB for the seconds and 12 MB for the minutes, allocated at once.
 *
 * <p>A query is decimated to the width the client asks for: each bucket holds the minimum, maximum and last value of
 * the samples in it, so that a spike survives any zoom. Ranges that reach back beyond the seconds kept are served
 * from the minutes. Not thread-safe: {@link HistoryRecorder} guards it.
 */
final class HistoryBuffer {
    static final int SECONDS_KEPT = 24 * 3600;
    static final int MINUTES_KEPT = 8 * 24 * 60;
    private static final long NONE = Long.MIN_VALUE;

    private final List<CatalogueItem> items;
    private final Map<String, Integer> index = new HashMap<>();
    private final int n;
    private final int secondsKept;
    private final int minutesKept;
    private final float[] seconds;
    private final long[] secondAt;
    private final float[] minutes;
    private final long[] minuteAt;
    private long newestSecond = NONE;
    private long oldestSecond = NONE;
    private long newestMinute = NONE;
    private long oldestMinute = NONE;

    HistoryBuffer(List<CatalogueItem> numericItems) {
        this(numericItems, SECONDS_KEPT, MINUTES_KEPT);
    }

    HistoryBuffer(List<CatalogueItem> numericItems, int secondsKept, int minutesKept) {
        this.items = List.copyOf(numericItems);
        this.n = items.size();
        for (int i = 0; i < n; i++) {
            if (items.get(i).type() == CatalogueItem.Type.TEXT) {
                throw new IllegalArgumentException(items.get(i).name() + " is text: the history keeps numbers");
            }
            index.put(items.get(i).name(), i);
        }
        this.secondsKept = secondsKept;
        this.minutesKept = minutesKept;
        this.seconds = new float[secondsKept * n];
        this.secondAt = new long[secondsKept];
        this.minutes = new float[minutesKept * n * 3];
        this.minuteAt = new long[minutesKept];
        Arrays.fill(secondAt, NONE);
        Arrays.fill(minuteAt, NONE);
    }

    /** Keeps the snapshot as its furnace second's sample, unless that second has one already. */
    void record(ScanSnapshot s) {
        long second = s.time().getEpochSecond();
        if (newestSecond != NONE && second <= newestSecond) {
            return;
        }
        int slot = (int) Math.floorMod(second, (long) secondsKept);
        secondAt[slot] = second;
        newestSecond = second;
        oldestSecond = oldestSecond == NONE ? second : Math.max(oldestSecond, second - secondsKept + 1);
        int base = slot * n;
        for (int i = 0; i < n; i++) {
            seconds[base + i] = (float) items.get(i).number(s);
        }
        fold(Math.floorDiv(second, 60L), base);
    }

    /** Folds a second's sample into its minute's minimum, maximum and last. */
    private void fold(long minute, int secondBase) {
        int slot = (int) Math.floorMod(minute, (long) minutesKept);
        int base = slot * n * 3;
        boolean fresh = minuteAt[slot] != minute;
        if (fresh) {
            minuteAt[slot] = minute;
            newestMinute = minute;
            oldestMinute = oldestMinute == NONE ? minute : Math.max(oldestMinute, minute - minutesKept + 1);
        }
        for (int i = 0; i < n; i++) {
            float v = seconds[secondBase + i];
            int at = base + 3 * i;
            minutes[at] = fresh || v < minutes[at] || Float.isNaN(minutes[at]) ? v : minutes[at];
            minutes[at + 1] = fresh || v > minutes[at + 1] || Float.isNaN(minutes[at + 1]) ? v : minutes[at + 1];
            minutes[at + 2] = v;
        }
    }

    /** The names of the values kept, in catalogue order. */
    List<String> names() {
        return items.stream().map(CatalogueItem::name).toList();
    }

    /**
     * The values named over [from, to], in {@code width} buckets of equal length (at least the resolution of the tier
     * that serves the range).
     *
     * @throws IllegalArgumentException naming a value that is not kept, or a range or width that makes no sense
     */
    Series query(List<String> names, Instant from, Instant to, int width) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (width < 1 || width > 10_000) {
            throw new IllegalArgumentException("width must be 1..10000 buckets, not " + width);
        }
        int[] which = new int[names.size()];
        for (int k = 0; k < which.length; k++) {
            Integer i = index.get(names.get(k));
            if (i == null) {
                throw new IllegalArgumentException("'" + names.get(k) + "' is no value the history keeps: "
                        + names());
            }
            which[k] = i;
        }
        long fromS = from.getEpochSecond();
        long toS = to.getEpochSecond();
        boolean fine = oldestSecond != NONE && fromS >= oldestSecond;
        int resolutionS = fine ? 1 : 60;
        long bucketS = Math.max(resolutionS, ceilDiv(toS - fromS, width));
        int buckets = (int) Math.max(1, ceilDiv(toS - fromS, bucketS));
        Series series = new Series(fromS, bucketS, resolutionS, buckets, names);
        if (fine) {
            fillFromSeconds(series, which, fromS, toS);
        } else {
            fillFromMinutes(series, which, fromS, toS);
        }
        return series;
    }

    private void fillFromSeconds(Series series, int[] which, long fromS, long toS) {
        for (long t = Math.max(fromS, oldestSecond); t <= Math.min(toS, newestSecond); t++) {
            int slot = (int) Math.floorMod(t, (long) secondsKept);
            if (secondAt[slot] != t) {
                continue; // no sample in that second (the controller was not running)
            }
            int bucket = series.bucketOf(t);
            for (int k = 0; k < which.length; k++) {
                float v = seconds[slot * n + which[k]];
                series.add(k, bucket, v, v, v);
            }
        }
    }

    private void fillFromMinutes(Series series, int[] which, long fromS, long toS) {
        if (oldestMinute == NONE) {
            return;
        }
        for (long m = Math.max(Math.floorDiv(fromS, 60L), oldestMinute); m <= Math.min(Math.floorDiv(toS, 60L),
                newestMinute); m++) {
            int slot = (int) Math.floorMod(m, (long) minutesKept);
            if (minuteAt[slot] != m) {
                continue;
            }
            int bucket = series.bucketOf(Math.max(m * 60, fromS));
            for (int k = 0; k < which.length; k++) {
                int at = (slot * n + which[k]) * 3;
                series.add(k, bucket, minutes[at], minutes[at + 1], minutes[at + 2]);
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** A decimated answer: per value and bucket the minimum, maximum and last sample; NaN where a bucket has none. */
    static final class Series {
        final long fromS;
        final long bucketS;
        final int resolutionS;
        final int buckets;
        final List<String> names;
        final float[][] min;
        final float[][] max;
        final float[][] last;

        private Series(long fromS, long bucketS, int resolutionS, int buckets, List<String> names) {
            this.fromS = fromS;
            this.bucketS = bucketS;
            this.resolutionS = resolutionS;
            this.buckets = buckets;
            this.names = List.copyOf(names);
            this.min = new float[names.size()][buckets];
            this.max = new float[names.size()][buckets];
            this.last = new float[names.size()][buckets];
            for (int k = 0; k < names.size(); k++) {
                Arrays.fill(min[k], Float.NaN);
                Arrays.fill(max[k], Float.NaN);
                Arrays.fill(last[k], Float.NaN);
            }
        }

        private int bucketOf(long t) {
            return (int) Math.min(buckets - 1, (t - fromS) / bucketS);
        }

        private void add(int k, int bucket, float lo, float hi, float value) {
            if (!Float.isNaN(lo) && (Float.isNaN(min[k][bucket]) || lo < min[k][bucket])) {
                min[k][bucket] = lo;
            }
            if (!Float.isNaN(hi) && (Float.isNaN(max[k][bucket]) || hi > max[k][bucket])) {
                max[k][bucket] = hi;
            }
            last[k][bucket] = value;
        }

        /** The start of bucket {@code b}, epoch seconds. */
        long bucketStart(int b) {
            return fromS + b * bucketS;
        }
    }
}
