package com.sicfurnace.controller.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A page of a trail as the APIs answer it (the controller's {@code /api/v1/audit}, the HMI's for its own trail): the
 * records as written, each with {@code verified}; {@code matched}, the cursor to the next page, the users and actions
 * of the trail, and the chain's state. {@code intact}, {@code problem} and {@code records} (those verified) are kept
 * at the top as the API had them before it was paged.
 */
public final class AuditJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditJson() {
    }

    public static ObjectNode page(AuditPage page, AuditQuery query) {
        ObjectNode o = JSON.createObjectNode();
        AuditPage.Chain chain = page.chain();
        o.put("intact", chain.intact());
        chain.problem().ifPresent(p -> o.put("problem", p.toString()));
        o.put("records", chain.verified());
        o.set("chain", chain(chain));
        o.put("matched", page.matched());
        String next = query.after().isPresent() ? "next_after" : "next_before";
        if (page.next().isPresent()) {
            o.put(next, page.next().getAsLong());
        } else {
            o.putNull(next);
        }
        page.users().forEach(o.putArray("users")::add);
        page.actions().forEach(o.putArray("actions")::add);
        ArrayNode entries = o.putArray("entries");
        for (AuditPage.Row row : page.rows()) {
            entries.add(entry(row));
        }
        return o;
    }

    /** A record's line as JSON, with {@code verified}. */
    public static ObjectNode entry(AuditPage.Row row) {
        try {
            ObjectNode entry = (ObjectNode) JSON.readTree(row.line());
            entry.put("verified", row.verified());
            return entry;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the record of seq " + row.seq() + " was indexed but does not read as "
                    + "JSON: " + e.getMessage(), e);
        }
    }

    /** {@code {intact, records, verified, head_seq, head_hash, problem: {file, line, seq, what} or null}}. */
    public static ObjectNode chain(AuditPage.Chain chain) {
        ObjectNode o = JSON.createObjectNode();
        o.put("intact", chain.intact());
        o.put("records", chain.records());
        o.put("verified", chain.verified());
        o.put("head_seq", chain.head().seq());
        o.put("head_hash", chain.head().hash());
        if (chain.problem().isPresent()) {
            AuditVerifier.Problem p = chain.problem().get();
            ObjectNode problem = o.putObject("problem");
            problem.put("file", p.file().getFileName().toString());
            problem.put("line", p.line());
            if (p.seq() == null) {
                problem.putNull("seq");
            } else {
                problem.put("seq", p.seq());
            }
            problem.put("what", p.what());
        } else {
            o.putNull("problem");
        }
        return o;
    }
}
