package dev.footprint.peer;

import dev.footprint.peer.twin.Twin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The Micronaut twin of the footprint service's two measured endpoints: GET / on the Netty event loop
 * (Micronaut 4's default), /work on the blocking executor, as the service runs it off the event loop.
 */
@Controller
public class Endpoints {

    @Serdeable
    public record Work(int kib, String crc32) {
    }

    @Get(value = "/", produces = MediaType.TEXT_PLAIN)
    public String root() {
        return Twin.BODY;
    }

    @Get(value = "/work", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> work(@QueryValue @Nullable String kib) {
        int n = Twin.kib(kib);
        if (n < 1) {
            return HttpResponse.badRequest(Twin.BAD_KIB);
        }
        return HttpResponse.ok(new Work(n, Twin.checksum(n)));
    }
}
