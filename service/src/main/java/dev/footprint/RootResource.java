package dev.footprint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The single endpoint every image variant and every peer stack is measured on: a fixed, short
 * plain-text body. It blocks on nothing, so it runs on the event loop ({@code @NonBlocking}): a
 * String return type would otherwise send every request to a worker thread and back.
 */
@Path("/")
public class RootResource {

    /** The peers in bench/peers serve exactly these bytes. */
    public static final String BODY = "footprint: ok\n";

    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_PLAIN)
    public String root() {
        return BODY;
    }
}
