package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** footprint.work.virtual-threads=true: /work runs on a virtual thread per request where the runtime has them. */
@QuarkusTest
@TestProfile(WorkOnVirtualThreadsTest.VirtualThreads.class)
class WorkOnVirtualThreadsTest {

    public static class VirtualThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footprint.work.virtual-threads", "true");
        }
    }

    @Test
    void runsOnAVirtualThreadWhereTheRuntimeHasThem() {
        // On Java 17 Quarkus's virtual-thread executor falls back to its worker pool.
        String expected = Runtime.version().feature() >= 21 ? "virtual" : "platform";
        given().queryParam("kib", "64").when().get("/work")
                .then().statusCode(200)
                .body("crc32", equalTo("b11de6a1"))
                .body("thread", equalTo(expected));
    }
}
