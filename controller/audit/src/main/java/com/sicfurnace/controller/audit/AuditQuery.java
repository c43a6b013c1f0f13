package com.sicfurnace.controller.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What a reader of a trail asks for: records of some users and actions (none named: all), with {@code from <= time <
 * to}, a page of at most {@code limit}. Newest first, older than {@code before} (a seq) when given; or, with
 * {@code after}, oldest first from the record after that seq (for a reader that follows the trail).
 */
public record AuditQuery(Set<String> users, Set<String> actions, Optional<Instant> from, Optional<Instant> to,
                         OptionalLong before, OptionalLong after, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        users = Set.copyOf(users);
        actions = Set.copyOf(actions);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("query parameter limit: 1.." + MAX_LIMIT + ", not " + limit);
        }
        if (before.isPresent() && after.isPresent()) {
            throw new IllegalArgumentException("query parameter after: give before (newest first) or after (oldest "
                    + "first), not both");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("query parameter to: " + to.get() + " is not after from " + from.get());
        }
    }

    /** Every record, newest first, a page of {@code limit}. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), limit);
    }

    /** The same question for the page older than {@code seq}. */
    public AuditQuery before(long seq) {
        return new AuditQuery(users, actions, from, to, OptionalLong.of(seq), OptionalLong.empty(), limit);
    }

    public AuditQuery withLimit(int pageSize) {
        return new AuditQuery(users, actions, from, to, before, after, pageSize);
    }

    /**
     * Reads the query parameters {@code user}, {@code action} (each repeated or comma-separated), {@code from},
     * {@code to} (ISO-8601 instants), {@code before}, {@code after} (seq) and {@code limit} ({@code max}, its older
     * name, too).
     *
     * @param params the values of a parameter by its name, empty if it is not given
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static AuditQuery parse(Function<String, List<String>> params) {
        String limitName = params.apply("limit").isEmpty() ? "max" : "limit";
        long limit = number(params, limitName).orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("query parameter " + limitName + ": 1.." + MAX_LIMIT + ", not " + limit);
        }
        return new AuditQuery(names(params.apply("user")), names(params.apply("action")),
                instant(params, "from"), instant(params, "to"), seq(params, "before"), seq(params, "after"),
                (int) limit);
    }

    /** The query as query parameters (URL-encoded, without a leading {@code ?}), for another reader of a trail. */
    public String queryString() {
        StringJoiner query = new StringJoiner("&");
        users.stream().sorted().forEach(user -> query.add("user=" + encode(user)));
        actions.stream().sorted().forEach(action -> query.add("action=" + encode(action)));
        from.ifPresent(time -> query.add("from=" + time));
        to.ifPresent(time -> query.add("to=" + time));
        before.ifPresent(seq -> query.add("before=" + seq));
        after.ifPresent(seq -> query.add("after=" + seq));
        query.add("limit=" + limit);
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether a record of {@code user}, {@code action} at {@code time} is asked for (the paging aside). */
    public boolean matches(String user, String action, Instant time) {
        return (users.isEmpty() || users.contains(user)) && (actions.isEmpty() || actions.contains(action))
                && (from.isEmpty() || !time.isBefore(from.get())) && (to.isEmpty() || time.isBefore(to.get()));
    }

    private static Set<String> names(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static Optional<Instant> instant(Function<String, List<String>> params, String name) {
        Optional<String> value = single(params, name);
        try {
            return value.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter " + name + ": '" + value.get() + "' is no ISO-8601 "
                    + "time such as 2026-12-06T09:00:00Z", e);
        }
    }

    private static OptionalLong seq(Function<String, List<String>> params, String name) {
        OptionalLong seq = number(params, name);
        if (seq.isPresent() && seq.getAsLong() < 0) {
            throw new IllegalArgumentException("query parameter " + name + ": a seq is 0 or more, not "
                    + seq.getAsLong());
        }
        return seq;
    }

    private static OptionalLong number(Function<String, List<String>> params, String name) {
        Optional<String> value = single(params, name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + name + ": '" + value.get() + "' is no whole "
                    + "number", e);
        }
    }

    private static Optional<String> single(Function<String, List<String>> params, String name) {
        List<String> values = params.apply(name).stream().filter(v -> !v.isBlank()).toList();
        if (values.size() > 1) {
            throw new IllegalArgumentException("query parameter " + name + ": given " + values.size() + " times");
        }
        return values.stream().findFirst();
    }
}
