package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ItemsResourceTest {

    /** RestAssured asks for gzip and decodes it by default; these tests need the bytes as sent. */
    private static RequestSpecification raw() {
        return given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    @Test
    void defaultsToOneHundredRecords() {
        given().when().get("/items")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("$", hasSize(100))
                .body("[7].id", equalTo(7))
                .body("[7].name", equalTo("item-7"))
                .body("[7].tags", hasSize(2))
                .body("[7].createdAt", equalTo("2026-01-01T00:07:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 10000 })
    void returnsTheRequestedCount(int count) {
        given().queryParam("count", count).when().get("/items")
                .then().statusCode(200)
                .body("$", hasSize(count));
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "10001", "abc" })
    void outOfRangeOrNonNumericIsABadRequest(String count) {
        given().queryParam("count", count).when().get("/items")
                .then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("count must be an integer from 0 to 10000"));
    }

    @Test
    void gzipEncodedWhenTheClientAcceptsIt() throws IOException {
        Response r = raw().header("Accept-Encoding", "gzip").queryParam("count", 1000).when().get("/items");
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.header("Content-Encoding"));
        byte[] body = r.asByteArray();
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonPath items = JsonPath.from(json);
        assertEquals(1000, items.getList("$").size());
        assertEquals("item-999", items.getString("[999].name"));
        assertEquals(true, body.length < json.length() / 4, "gzip should shrink repetitive JSON well");
    }

    @Test
    void plainWhenTheClientDoesNotAskForCompression() {
        Response r = raw().queryParam("count", 1000).when().get("/items");
        r.then().statusCode(200).header("Content-Encoding", nullValue());
        assertEquals(1000, JsonPath.from(r.asString()).getList("$").size());
    }

    @Test
    void smallBodiesAreNotCompressed() {
        raw().header("Accept-Encoding", "gzip").queryParam("count", 1).when().get("/items")
                .then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .body("[0].name", equalTo("item-0"));
    }
}
