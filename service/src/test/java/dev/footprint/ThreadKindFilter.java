package dev.footprint;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Context;

/**
 * Test only (the packaged service does not have it): names the kind of thread a response was produced on, in a header,
 * so {@link EndpointThreadsTest} can assert where each endpoint ran. A response filter runs on the thread that ran
 * the resource method.
 */
public class ThreadKindFilter {

    static final String HEADER = "X-Test-Thread";

    @ServerResponseFilter
    public void name(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, Context.isOnEventLoopThread() ? "event-loop"
                : Context.isOnWorkerThread() ? "worker" : "other: " + Thread.currentThread().getName());
    }
}
