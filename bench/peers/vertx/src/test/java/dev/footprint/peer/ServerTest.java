package dev.footprint.peer;

import dev.footprint.peer.twin.TwinContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ServerTest extends TwinContract {

    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        port = Server.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get().actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Override
    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected String healthPath() {
        return "/health";
    }
}
