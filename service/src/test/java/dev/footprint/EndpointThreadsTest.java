package dev.footprint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The endpoints that block on nothing run on the event loop, with no hop to a worker thread and back. (/work's
 * allocation runs on its own pool, which its answer names: WorkResourceTest.) Not rerun on the artifact:
 * {@link ThreadKindFilter} is test-only.
 */
@QuarkusTest
class EndpointThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/hello?name=thread", "/items?count=10" })
    void nonBlockingEndpointsRunOnTheEventLoop(String path) {
        given().when().get(path).then().statusCode(200).header(ThreadKindFilter.HEADER, equalTo("event-loop"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hello?name=" + "%01", "/items?count=-1" })
    void theirErrorsAreMappedOnTheEventLoopToo(String path) {
        given().urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                .header(ThreadKindFilter.HEADER, equalTo("event-loop"));
    }
}
