package dev.footprint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The single endpoint every image variant and every peer stack is measured on: a fixed, short
 * plain-text body. Like every method with a non-reactive return type in Quarkus REST, it runs on a
 * worker thread: under 50 connections the pool grows to its 16 threads (docs/memory.md, threads).
 * Serving it on the event loop ({@code @NonBlocking}) is a lever not yet measured.
 */
@Path("/")
public class RootResource {

    /** The peers in bench/peers serve exactly these bytes. */
    public static final String BODY = "footprint: ok\n";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String root() {
        return BODY;
    }
}
