package dev.footprint;

import java.util.concurrent.RejectedExecutionException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors raised inside REST endpoints, as JSON. Errors outside them: see {@link HttpErrorRoutes}. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidInput(InvalidInputException e) {
        return json(400, e.getMessage());
    }

    /** Retry-After: the bound frees up within milliseconds; one second is the smallest the header can say. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> busy(ServiceBusyException e) {
        RestResponse<ErrorBody> json = json(503, e.getMessage());
        json.getHeaders().add("Retry-After", "1");
        return json;
    }

    /** A pool that could not take the work (it could not start a thread, or is stopping): busy, not broken. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> rejected(RejectedExecutionException e) {
        LOG.warn("work rejected: " + e);
        return busy(new ServiceBusyException("no thread could take the request; retry later"));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        RestResponse<ErrorBody> json = json(r.getStatus(), r.getStatusInfo().getReasonPhrase());
        // keep what the status needs, e.g. Allow on 405
        r.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> json.getHeaders().add(name, v));
            }
        });
        return json;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        LOG.error("request failed", e);
        return json(500, "internal error");
    }

    static RestResponse<ErrorBody> json(int status, String message) {
        return RestResponse.ResponseBuilder.<ErrorBody> create(status)
                .entity(ErrorBody.of(status, message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
