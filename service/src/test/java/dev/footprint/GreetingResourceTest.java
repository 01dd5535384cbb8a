package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GreetingResourceTest {

    @Test
    void greetsByName() {
        given().queryParam("name", "Ada").when().get("/hello")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("greeting", equalTo("Hello, Ada!"));
    }

    @Test
    void nameIsOptional() {
        given().when().get("/hello")
                .then().statusCode(200)
                .body("greeting", equalTo("Hello, world!"));
    }

    @Test
    void sixtyFourCharactersAreAccepted() {
        given().queryParam("name", "a".repeat(64)).when().get("/hello")
                .then().statusCode(200)
                .body("greeting", equalTo("Hello, " + "a".repeat(64) + "!"));
    }

    @Test
    void nameOverSixtyFourCharactersIsRejected() {
        given().queryParam("name", "a".repeat(65)).when().get("/hello")
                .then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(400))
                .body("message", equalTo("name must be at most 64 characters"));
    }

    @Test
    void controlCharactersAreRejected() {
        given().urlEncodingEnabled(false).when().get("/hello?name=a%0Ab")
                .then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("name must not contain control characters"));
    }
}
