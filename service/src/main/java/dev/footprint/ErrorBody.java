package dev.footprint;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The small JSON body of every 4xx and 5xx response. */
public record ErrorBody(int status, String error, String message) {

    static ErrorBody of(int status, String message) {
        return new ErrorBody(status, HttpResponseStatus.valueOf(status).reasonPhrase(), message);
    }
}
