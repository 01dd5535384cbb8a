package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MetricsTest {

    /** A sample line with a positive value, e.g. "process_resident_memory_bytes 5.4E7". */
    private static String positiveSample(String name) {
        return "(?s).*\\n" + name + " [1-9][0-9.]*(E[0-9]+)?\\n.*";
    }

    @Test
    void prometheusEndpointHasJvmMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void residentSetGauge() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(matchesPattern(positiveSample("process_resident_memory_bytes")));
    }

    @Test
    void containerWorkingSetGauge() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(matchesPattern(positiveSample("cgroup_memory_working_set_bytes")));
    }
}
