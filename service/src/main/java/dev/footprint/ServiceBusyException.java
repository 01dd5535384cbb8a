package dev.footprint;

/** The service is at a bound it keeps to protect its memory; answered with 503 and Retry-After (see {@link ErrorMappers}). */
public class ServiceBusyException extends RuntimeException {

    public ServiceBusyException(String message) {
        super(message, null, false, false);
    }
}
