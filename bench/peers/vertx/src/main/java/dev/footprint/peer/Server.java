package dev.footprint.peer;

import dev.footprint.peer.twin.Twin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * The Vert.x 5 web twin of the footprint service's two measured endpoints and its readiness probe,
 * on Vert.x's own defaults (event loops: 2 per CPU; worker pool: 20 threads).
 */
public final class Server {

    public static void main(String[] args) {
        String host = System.getenv().getOrDefault("HOST", "0.0.0.0");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        start(Vertx.vertx(), host, port).onFailure(e -> {
            System.err.println("cannot listen on " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
        });
    }

    /** The server on host:port (port 0: any free one). */
    static Future<HttpServer> start(Vertx vertx, String host, int port) {
        Router router = Router.router(vertx);
        router.get("/").handler(ctx -> ctx.response().putHeader("content-type", "text/plain").end(Twin.BODY));
        router.get("/work").handler(ctx -> work(vertx, ctx));
        router.get("/health").handler(HealthCheckHandler.create(vertx).register("up", p -> p.complete(Status.OK())));
        return vertx.createHttpServer().requestHandler(router).listen(port, host);
    }

    /** CPU work off the event loop, as Vert.x asks of anything that takes milliseconds; unordered. */
    private static void work(Vertx vertx, RoutingContext ctx) {
        int kib = Twin.kib(ctx.request().getParam("kib"));
        if (kib < 1) {
            ctx.response().setStatusCode(400).putHeader("content-type", "application/json").end(Twin.BAD_KIB);
            return;
        }
        Future<String> crc = vertx.executeBlocking(() -> Twin.checksum(kib), false);
        crc.onSuccess(v -> ctx.response().putHeader("content-type", "application/json")
                        .end(new JsonObject().put("kib", kib).put("crc32", v).encode()))
                .onFailure(ctx::fail);
    }
}
