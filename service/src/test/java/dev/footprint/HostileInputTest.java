package dev.footprint;

import java.net.URI;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class HostileInputTest extends HostileInputCases {

    /** The port Quarkus started the service on, in-process or packaged (it sets RestAssured's). */
    @Override
    URI target() {
        return URI.create("http://127.0.0.1:" + RestAssured.port);
    }
}
