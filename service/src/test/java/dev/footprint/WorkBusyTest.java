package dev.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Past footprint.work.max-concurrency running and footprint.work.max-waiting waiting /work requests,
 * more are refused with 503, a JSON body and Retry-After, and the ones accepted are all answered.
 */
@QuarkusTest
@TestProfile(WorkBusyTest.OneAtATime.class)
class WorkBusyTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footprint.work.max-concurrency", "1", "footprint.work.max-waiting", "1");
        }
    }

    @TestHTTPResource("/work?kib=16384")
    java.net.URI work;

    @Test
    void refusesWhatItCannotQueueAndAnswersTheRest() throws Exception {
        int clients = 12;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            int ok = 0, busy = 0;
            // Each request holds the one thread for tens of milliseconds; twelve sent at once must overlap.
            for (int round = 0; round < 20 && busy == 0; round++) {
                List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    calls.add(() -> http.send(HttpRequest.newBuilder(work).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                    HttpResponse<String> r = f.get();
                    if (r.statusCode() == 200) {
                        assertTrue(r.body().contains("\"crc32\":\"2a223dad\""), r.body());
                        ok++;
                    } else {
                        assertEquals(503, r.statusCode(), r.body());
                        assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                        assertTrue(r.body().contains("\"message\":\"too many /work requests waiting; retry later\""), r.body());
                        busy++;
                    }
                }
            }
            assertTrue(busy > 0, "no request was refused with 12 at once and room for 2");
            assertTrue(ok >= 2, "requests within the bound were answered: " + ok);
        } finally {
            pool.shutdownNow();
        }
    }

}
