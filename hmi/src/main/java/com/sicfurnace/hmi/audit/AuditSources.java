package com.sicfurnace.hmi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sicfurnace.controller.audit.AuditIndex;
import com.sicfurnace.controller.audit.AuditJson;
import com.sicfurnace.controller.audit.AuditQuery;
import com.sicfurnace.hmi.furnace.Fleet;
import com.sicfurnace.hmi.furnace.FurnaceLink;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The trails an engineer can read: the HMI's own (source {@code hmi}, from its index) and each furnace's, asked of
 * its controller ({@code /api/v1/audit} with the same filters). A page over several is merged newest first by record
 * time, each trail's records kept in their own order, and carries each source's chain state, or why a controller
 * gave none.
 */
public final class AuditSources {
    public static final String HMI = "hmi";
    public static final String ALL = "all";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditIndex own;
    private final Fleet fleet;

    public AuditSources(AuditIndex own, Fleet fleet) {
        this.own = own;
        this.fleet = fleet;
    }

    /** The HMI, then the furnaces in the order of the configuration. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(HMI));
        fleet.links().forEach(link -> names.add(link.name()));
        return names;
    }

    /**
     * The sources a {@code source} parameter names: one, or all of them when it is {@code all} or missing.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public List<String> select(String source) {
        if (source == null || source.isBlank() || source.equals(ALL)) {
            return names();
        }
        if (names().contains(source)) {
            return List.of(source);
        }
        throw new IllegalArgumentException("query parameter source: '" + source + "' is none of " + ALL + ", "
                + String.join(", ", names()));
    }

    /** One source's page as its API answers it, or why there is none. */
    public record Answer(String source, ObjectNode page, String error) {
        List<JsonNode> entries() {
            List<JsonNode> entries = new ArrayList<>();
            if (page != null) {
                page.path("entries").forEach(entries::add);
            }
            return entries;
        }
    }

    /** A merged page: the JSON for the viewer, the cursor to the next page (empty on the last), and the answers. */
    public record Merged(ObjectNode json, Optional<AuditCursor> next, List<Answer> answers) {
        public Optional<Answer> failed() {
            return answers.stream().filter(a -> a.error() != null).findFirst();
        }
    }

    /** A page of {@code query.limit()} records over {@code sources}, from {@code cursor} on. */
    public Merged page(List<String> sources, AuditCursor cursor, AuditQuery query) throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        for (String source : sources) {
            OptionalLong before = cursor.of(source);
            answers.add(ask(source, before.isPresent() ? query.before(before.getAsLong()) : query));
        }
        List<List<JsonNode>> lists = answers.stream().map(Answer::entries).toList();
        int[] taken = new int[answers.size()];
        ObjectNode json = JSON.createObjectNode();
        ArrayNode entries = JSON.createArrayNode();
        while (entries.size() < query.limit()) {
            int newest = newest(lists, taken);
            if (newest < 0) {
                break;
            }
            ObjectNode entry = json.objectNode().put("source", answers.get(newest).source());
            entry.setAll((ObjectNode) lists.get(newest).get(taken[newest]++));
            entries.add(entry);
        }
        Optional<AuditCursor> next = next(answers, lists, taken, cursor);
        json.set("sources", sources(answers));
        json.put("matched", answers.stream().filter(a -> a.page() != null)
                .mapToLong(a -> a.page().path("matched").asLong()).sum());
        if (next.isPresent()) {
            json.put("next_before", next.get().toString());
        } else {
            json.putNull("next_before");
        }
        json.set("users", union(answers, "users"));
        json.set("actions", union(answers, "actions"));
        json.set("entries", entries);
        return new Merged(json, next, answers);
    }

    /** The list whose next record is the newest (the first list on a tie); -1 when all are taken. */
    private static int newest(List<List<JsonNode>> lists, int[] taken) {
        int newest = -1;
        Instant newestTime = null;
        for (int i = 0; i < lists.size(); i++) {
            if (taken[i] < lists.get(i).size()) {
                Instant time = Instant.parse(lists.get(i).get(taken[i]).path("time").asText());
                if (newestTime == null || time.isAfter(newestTime)) {
                    newest = i;
                    newestTime = time;
                }
            }
        }
        return newest;
    }

    /**
     * Per source: below the last record taken while some of its page is left or it has pages more; 0 when it has
     * nothing left. A source that gave no answer keeps its place. Empty when no source has anything left.
     */
    private static Optional<AuditCursor> next(List<Answer> answers, List<List<JsonNode>> lists, int[] taken,
                                              AuditCursor cursor) {
        Map<String, Long> before = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            List<JsonNode> list = lists.get(i);
            if (answer.error() != null) {
                cursor.of(answer.source()).ifPresent(seq -> before.put(answer.source(), seq));
            } else if (taken[i] < list.size()) {
                before.put(answer.source(), taken[i] == 0 ? list.get(0).path("seq").asLong() + 1
                        : list.get(taken[i] - 1).path("seq").asLong());
            } else {
                JsonNode more = answer.page().path("next_before");
                before.put(answer.source(), more.isNull() || more.isMissingNode() ? 0 : more.asLong());
            }
        }
        AuditCursor next = new AuditCursor(before);
        return next.exhausted() ? Optional.empty() : Optional.of(next);
    }

    private static ArrayNode sources(List<Answer> answers) {
        ArrayNode list = JSON.createArrayNode();
        for (Answer answer : answers) {
            ObjectNode o = list.addObject().put("source", answer.source());
            if (answer.error() != null) {
                o.put("error", answer.error());
            } else {
                o.put("matched", answer.page().path("matched").asLong());
                o.set("chain", answer.page().path("chain"));
            }
        }
        return list;
    }

    private static ArrayNode union(List<Answer> answers, String field) {
        TreeSet<String> all = new TreeSet<>();
        answers.stream().filter(a -> a.page() != null)
                .forEach(a -> a.page().path(field).forEach(name -> all.add(name.asText())));
        ArrayNode list = JSON.createArrayNode();
        all.forEach(list::add);
        return list;
    }

    private Answer ask(String source, AuditQuery query) throws InterruptedException {
        if (source.equals(HMI)) {
            try {
                return new Answer(source, AuditJson.page(own.query(query), query), null);
            } catch (IOException e) {
                return new Answer(source, null, "the HMI's trail could not be read: " + e.getMessage());
            }
        }
        FurnaceLink link = fleet.link(source).orElseThrow(() -> new IllegalArgumentException(
                "query parameter source: no furnace named " + source));
        try {
            HttpResponse<String> response = link.get("/api/v1/audit?" + query.queryString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !(body instanceof ObjectNode page)) {
                return new Answer(source, null, "the controller of " + source + " answered "
                        + response.statusCode() + ": " + body.path("error").asText(response.body()));
            }
            return new Answer(source, page, null);
        } catch (IOException e) {
            return new Answer(source, null, "the controller of " + source + " did not answer: " + e.getMessage());
        }
    }
}
