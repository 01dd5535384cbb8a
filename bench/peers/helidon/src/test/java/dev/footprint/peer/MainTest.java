package dev.footprint.peer;

import dev.footprint.peer.twin.TwinContract;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MainTest extends TwinContract {

    private static WebServer server;

    @BeforeAll
    static void start() {
        server = Main.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Override
    protected String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    protected String healthPath() {
        return "/observe/health";
    }
}
