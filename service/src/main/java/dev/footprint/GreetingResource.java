package dev.footprint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.common.annotation.NonBlocking;

@Path("/hello")
@Produces(MediaType.APPLICATION_JSON)
public class GreetingResource {

    static final int MAX_NAME_LENGTH = 64;

    public record Greeting(String greeting) {
    }

    /** Validation and a small record: nothing that blocks, so on the event loop. */
    @GET
    @NonBlocking
    public Greeting hello(@RestQuery String name) {
        if (name == null || name.isEmpty()) {
            return new Greeting("Hello, world!");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name must not contain control characters");
        }
        return new Greeting("Hello, " + name + "!");
    }
}
