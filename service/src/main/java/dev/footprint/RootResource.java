package dev.footprint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The single endpoint every image variant and every peer stack is measured on: a fixed, short
 * plain-text body, served on the event loop (a non-blocking return type needs no worker thread).
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
