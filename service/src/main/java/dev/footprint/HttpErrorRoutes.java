package dev.footprint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
 * Requests refused before a REST endpoint is chosen, each with a JSON body: an HTTP version other
 * than 1.0/1.1 (505), a query that is not percent-encoded UTF-8 (400), a body over the limit (413),
 * a path nothing serves (404), and a URI Vert.x cannot route (400). Errors inside endpoints: see
 * {@link ErrorMappers}.
 */
@Singleton
public class HttpErrorRoutes {

    private final long maxBodySize;

    HttpErrorRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Runs just before Quarkus's own upload-limit route, which would answer 413 with no body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::rejectMalformed);
        router.route().last().handler(ctx -> send(ctx, 404, "no resource at " + ctx.normalizedPath()));
        // Vert.x fails a request it cannot even route (a malformed escape in the URI) with an empty 400
        router.errorHandler(400, ctx -> {
            if (!ctx.response().ended()) {
                send(ctx, 400, "malformed request");
            }
        });
    }

    private void rejectMalformed(RoutingContext ctx) {
        if (ctx.request().version() == null) {
            // Netty parses any "HTTP/x.y"; Vert.x serves it as 1.1 unless told otherwise
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, 505, "only HTTP/1.0 and HTTP/1.1 are served");
            return;
        }
        String query = ctx.request().query();
        if (query != null && !isPercentEncodedUtf8(query)) {
            send(ctx, 400, "the query string is not valid percent-encoded UTF-8");
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && Long.parseLong(declared) > maxBodySize) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, 413, "request body is over " + maxBodySize + " bytes");
            return;
        }
        ctx.next();
    }

    /**
     * JAX-RS decodes a malformed escape or invalid UTF-8 into U+FFFD and carries on; a parameter the
     * client could not have meant is refused instead. ({@code Content-Length} is already a valid
     * number here: Netty refuses the request otherwise.)
     */
    static boolean isPercentEncodedUtf8(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int hi = Character.digit(query.charAt(i + 1), 16);
                int lo = Character.digit(query.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static void send(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(ErrorBody.of(status, message)));
    }
}
