package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** footprint.work.virtual-threads=false: /work runs on the platform threads of Quarkus's worker pool. */
@QuarkusTest
@TestProfile(WorkOnWorkerPoolTest.WorkerPool.class)
class WorkOnWorkerPoolTest {

    public static class WorkerPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footprint.work.virtual-threads", "false");
        }
    }

    @Test
    void runsOnAPlatformThread() {
        given().queryParam("kib", "64").when().get("/work")
                .then().statusCode(200)
                .body("crc32", equalTo("b11de6a1"))
                .body("thread", equalTo("platform"));
    }
}
