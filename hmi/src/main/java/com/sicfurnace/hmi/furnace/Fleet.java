package com.sicfurnace.hmi.furnace;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every furnace the HMI shows, each with its link to its controller, in the configuration's order. */
public final class Fleet implements AutoCloseable {
    private final Map<String, FurnaceLink> links = new LinkedHashMap<>();

    /** One controller of the configuration: its name, its API's root URL, the file with the HMI's token. */
    public record Member(String name, java.net.URI api, java.nio.file.Path tokenFile) {
    }

    public Fleet(List<Member> members, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Member m : members) {
            links.put(m.name(), new FurnaceLink(m.name(), m.api(), m.tokenFile(), http, clock).start());
        }
    }

    public List<FurnaceLink> links() {
        return List.copyOf(links.values());
    }

    public Optional<FurnaceLink> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    @Override
    public void close() {
        links.values().forEach(FurnaceLink::close);
    }
}
