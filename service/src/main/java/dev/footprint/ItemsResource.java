package dev.footprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The realistic payload: structured records through Jackson, compressed by Quarkus's HTTP layer
 * when the client accepts it (see quarkus.http.compress-media-types).
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    static final int MAX_COUNT = 10_000;
    static final int DEFAULT_COUNT = 100;
    /** Fixed, so that a response's size depends only on its count. */
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> TAGS = List.of("small", "fast", "native", "jvm", "container");

    public record Item(int id, String name, List<String> tags, Instant createdAt) {
    }

    /** Built in memory and serialized by Jackson, at most 10,000 records: CPU, not blocking, so on the event loop. */
    @GET
    @NonBlocking
    public List<Item> items(@RestQuery String count) {
        int n = QueryParams.intInRange("count", count, 0, MAX_COUNT, DEFAULT_COUNT);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item(i, "item-" + i, List.of(TAGS.get(i % TAGS.size()), TAGS.get((i + 2) % TAGS.size())),
                    EPOCH.plusSeconds(60L * i)));
        }
        return items;
    }
}
