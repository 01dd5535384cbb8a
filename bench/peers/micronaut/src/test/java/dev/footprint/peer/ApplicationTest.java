package dev.footprint.peer;

import dev.footprint.peer.twin.TwinContract;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
class ApplicationTest extends TwinContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    protected String healthPath() {
        return "/health";
    }
}
