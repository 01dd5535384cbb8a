package dev.footprint.peer;

import dev.footprint.peer.twin.Twin;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import jakarta.json.Json;

/**
 * The Helidon SE 4 twin of the footprint service's two measured endpoints and its readiness probe
 * (/observe/health, with details: 200 and UP, as the others answer), on Helidon's defaults: every request on its own virtual thread, /work included.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String host = System.getenv().getOrDefault("HOST", "0.0.0.0");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        start(host, port);
    }

    /** The started server on host:port (port 0: any free one). */
    static WebServer start(String host, int port) {
        return WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(ObserveFeature.just(HealthObserver.builder().details(true).build()))
                .routing(Main::routing)
                .build()
                .start();
    }

    static void routing(HttpRouting.Builder routing) {
        routing.get("/", (req, res) -> {
            res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
            res.send(Twin.BODY);
        });
        routing.get("/work", Main::work);
    }

    private static void work(ServerRequest req, ServerResponse res) {
        int kib = Twin.kib(req.query().first("kib").orElse(null));
        if (kib < 1) {
            res.status(Status.BAD_REQUEST_400).header(HeaderValues.CONTENT_TYPE_JSON).send(Twin.BAD_KIB);
            return;
        }
        res.send(Json.createObjectBuilder().add("kib", kib).add("crc32", Twin.checksum(kib)).build());
    }
}
