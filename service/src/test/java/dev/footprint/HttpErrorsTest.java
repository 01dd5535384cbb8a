package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HttpErrorsTest {

    @Test
    void unknownPathIsNotFoundAsJson() {
        given().when().get("/does-not-exist")
                .then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(404))
                .body("error", equalTo("Not Found"));
    }

    @Test
    void unknownPathUnderTheManagementPrefixIsNotFoundAsJson() {
        given().when().get("/q/does-not-exist")
                .then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsMethodNotAllowedAsJson() {
        given().when().delete("/")
                .then().statusCode(405)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(405))
                .body("error", equalTo("Method Not Allowed"));
    }

    @Test
    void bodyOverTheLimitIsTooLargeAsJson() {
        // quarkus.http.limits.max-body-size=64K
        byte[] body = new byte[64 * 1024 + 1];
        given().body(body).contentType("application/octet-stream").when().post("/")
                .then().statusCode(413)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(413))
                .body("message", equalTo("request body is over 65536 bytes"));
    }
}
