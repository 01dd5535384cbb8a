package dev.footprint;

/**
 * Query parameters are taken as strings and parsed here, because JAX-RS answers a failed
 * conversion of a numeric query parameter with 404; a malformed value is the client's mistake (400).
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * @param fallback the value when the parameter is absent, or {@code null} when it is required
     */
    static int intInRange(String name, String raw, int min, int max, Integer fallback) {
        String expected = name + " must be an integer from " + min + " to " + max;
        if (raw == null || raw.isEmpty()) {
            if (fallback == null) {
                throw new InvalidInputException(expected);
            }
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(expected);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(expected);
        }
        return value;
    }
}
