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

import java.util.concurrent.RejectedExecutionException;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Past footprint.work.max-concurrency running and footprint.work.max-waiting waiting /work requests,
 * more are refused with 503, a JSON body and Retry-After, and the ones accepted are all answered.
 * The pool's threads exist before the first request (a thread that cannot be created under load must
 * not fail requests), and work a pool rejects is a 503 too.
 */
@QuarkusTest
@TestProfile(WorkBusyTest.OneAtATime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void thePoolsThreadsStartWithTheService() throws InterruptedException {
        // threads of an earlier test's stopped application may take a moment to end
        long deadline = System.nanoTime() + 5_000_000_000L;
        long started;
        do {
            started = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(WorkResource.THREAD_NAME) && t.isAlive()).count();
        } while (started != 1 && System.nanoTime() < deadline && sleep());
        assertEquals(1, started, "footprint.work.max-concurrency=1 thread before any /work request");
    }

    @Test
    void workAPoolRejectsIsA503() {
        RestResponse<ErrorBody> r = new ErrorMappers().rejected(new RejectedExecutionException("pool shut down"));
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
        assertEquals(503, r.getEntity().status());
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    @Test
    @Order(2)
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
