package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RootResourceTest {

    @Test
    void rootAnswersAFixedPlainTextBody() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(equalTo("footprint: ok\n"));
    }
}
