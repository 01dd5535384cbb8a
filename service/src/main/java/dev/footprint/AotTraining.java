package dev.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The training run for the JVM's AOT cache (JDK 25, -XX:AOTCacheOutput), made inside the image
 * build by the runtime that ships: with footprint.aot-training.rounds above 0 the service calls each
 * of its endpoints that many times, then exits, and the JVM writes what it loaded, linked and
 * profiled to the cache. Off (0) everywhere else.
 */
@Singleton
public class AotTraining {

    private static final Logger LOG = Logger.getLogger(AotTraining.class);
    private static final List<String> PATHS = List.of("/", "/hello?name=aot", "/work?kib=64", "/items?count=100",
            "/work?kib=0", "/nope", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics");

    private final int rounds;
    private final int port;

    AotTraining(@ConfigProperty(name = "footprint.aot-training.rounds", defaultValue = "0") int rounds,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.rounds = rounds;
        this.port = port;
    }

    void onStart(@Observes StartupEvent event) {
        if (rounds <= 0) {
            return;
        }
        Thread trainer = new Thread(this::train, "aot-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    private void train() {
        try {
            awaitListening();
            for (int i = 0; i < rounds; i++) {
                for (String path : PATHS) {
                    call(path);
                }
            }
            LOG.infof("AOT training: %d rounds over %d endpoints done, exiting", rounds, PATHS.size());
            Quarkus.asyncExit(0);
        } catch (IOException e) {
            LOG.error("AOT training failed", e);
            Quarkus.asyncExit(1);
        }
    }

    /** StartupEvent fires before the HTTP server listens: wait for it (bounded). */
    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the HTTP server", ie);
                }
            }
        }
    }

    private void call(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestProperty("Accept-Encoding", "gzip");
        int status = c.getResponseCode();
        try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
    }
}
