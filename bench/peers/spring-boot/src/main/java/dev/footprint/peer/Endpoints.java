package dev.footprint.peer;

import dev.footprint.peer.twin.Twin;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Spring MVC twin of the footprint service's two measured endpoints, on Tomcat's request threads. */
@RestController
public class Endpoints {

    public record Work(int kib, String crc32) {
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    public String root() {
        return Twin.BODY;
    }

    // ResponseEntity<?> hides Work from Spring's AOT inference: without the hint the native executable
    // answers 500 (record components not registered for reflection)
    @GetMapping(path = "/work", produces = MediaType.APPLICATION_JSON_VALUE)
    @RegisterReflectionForBinding(Work.class)
    public ResponseEntity<?> work(@RequestParam(required = false) String kib) {
        int n = Twin.kib(kib);
        if (n < 1) {
            return ResponseEntity.badRequest().body(Twin.BAD_KIB);
        }
        return ResponseEntity.ok(new Work(n, Twin.checksum(n)));
    }
}
