package dev.footprint;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Keeps small responses out of Quarkus's HTTP compression (quarkus.http.enable-compression), which
 * has no size threshold of its own: gzip makes a body of a few hundred bytes bigger and costs CPU.
 * A response whose length is known and under {@link #MIN_BYTES} is marked
 * {@code Content-Encoding: identity}, the marker Quarkus itself uses for "do not compress";
 * streamed (chunked) responses are large by construction and stay compressible. Without compression
 * (a build that turns it off) the route has nothing to do and is not installed.
 */
@Singleton
@IfBuildProperty(name = "quarkus.http.enable-compression", stringValue = "true")
public class CompressionThreshold {

    static final long MIN_BYTES = 1024;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                String length = ctx.response().headers().get(HttpHeaders.CONTENT_LENGTH);
                if (length != null && Long.parseLong(length) < MIN_BYTES) {
                    ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                }
            });
            ctx.next();
        });
    }
}
