package dev.footprint.bench.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The reader and writer of the bench's JSON: result files (bench/results/), the soak's and the native build's records,
 * images/build.sh's build records and what the container engine prints. A field it does not know is skipped, so older
 * result files still read.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }
}
