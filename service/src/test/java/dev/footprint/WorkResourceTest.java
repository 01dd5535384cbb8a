package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WorkResourceTest {

    /** CRC-32 of (bytes 0..255 x 4) x kib, the same in every peer (python: zlib.crc32(bytes(range(256)) * 4 * kib)). */
    @ParameterizedTest
    @ValueSource(strings = { "1:b70b4c26", "64:b11de6a1", "16384:2a223dad" })
    void checksumsTheAllocatedData(String kibAndCrc) {
        String[] p = kibAndCrc.split(":");
        given().queryParam("kib", p[0]).when().get("/work")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("kib", equalTo(Integer.parseInt(p[0])))
                .body("crc32", equalTo(p[1]));
    }

    @Test
    void runsOnAPlatformThreadOfItsOwnPool() {
        given().queryParam("kib", "1").when().get("/work")
                .then().statusCode(200)
                .body("thread", equalTo("platform"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "16385", "-1", "abc", "1.5", "99999999999", "" })
    void outOfRangeOrNonNumericIsABadRequest(String kib) {
        given().queryParam("kib", kib).when().get("/work")
                .then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(400))
                .body("message", equalTo("kib must be an integer from 1 to 16384"));
    }

    @Test
    void missingKibIsABadRequest() {
        given().when().get("/work")
                .then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("error", equalTo("Bad Request"));
    }
}
