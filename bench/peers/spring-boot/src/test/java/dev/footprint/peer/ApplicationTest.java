package dev.footprint.peer;

import dev.footprint.peer.twin.TwinContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "HOST=127.0.0.1")
class ApplicationTest extends TwinContract {

    @Value("${local.server.port}")
    int port;

    @Override
    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected String healthPath() {
        return "/actuator/health";
    }
}
