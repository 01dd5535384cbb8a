package dev.footprint;

import java.net.URI;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The hostile cases against a service already running elsewhere, e.g. a container:
 * {@code ./mvnw -pl service verify -Dit.test=HostileInputContainerIT -Dfootprint.target=http://127.0.0.1:18080}
 * (tools/hostile-check.sh runs an image that way). There the working set of the container's cgroup
 * must come back near its baseline.
 */
@EnabledIfSystemProperty(named = "footprint.target", matches = ".+")
class HostileInputContainerIT extends HostileInputCases {

    @Override
    URI target() {
        return URI.create(System.getProperty("footprint.target"));
    }

    @Override
    String memoryGauge() {
        return "cgroup_memory_working_set_bytes";
    }
}
