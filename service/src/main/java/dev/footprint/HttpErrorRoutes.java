package dev.footprint;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * JSON bodies for the errors Quarkus answers before a REST endpoint is chosen: a body over the
 * limit (413) and a path nothing serves (404). Errors inside endpoints: see {@link ErrorMappers}.
 */
@Singleton
public class HttpErrorRoutes {

    private final long maxBodySize;

    HttpErrorRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Runs just before Quarkus's own upload-limit route, which would answer 413 with no body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::rejectOversizedBody);
        router.route().last().handler(ctx -> send(ctx, 404, "no resource at " + ctx.normalizedPath()));
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && Long.parseLong(declared) > maxBodySize) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, 413, "request body is over " + maxBodySize + " bytes");
            return;
        }
        ctx.next();
    }

    static void send(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(ErrorBody.of(status, message)));
    }
}
