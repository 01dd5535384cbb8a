package dev.footprint;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The small JSON body of every 4xx and 5xx response.
 * <p>
 * Registered for reflection because no REST method returns it: it is built by exception mappers
 * and Vert.x routes, which Quarkus does not scan for Jackson's native-image metadata (without this
 * the native executable answers errors with 500).
 */
@RegisterForReflection
public record ErrorBody(int status, String error, String message) {

    static ErrorBody of(int status, String message) {
        return new ErrorBody(status, HttpResponseStatus.valueOf(status).reasonPhrase(), message);
    }
}
