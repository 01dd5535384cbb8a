package dev.footprint;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HostileInputTest extends HostileInputCases {

    @Override
    URI target() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return URI.create("http://127.0.0.1:" + port);
    }
}
