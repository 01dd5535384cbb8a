package dev.footprint;

/** A request the client got wrong; answered with 400 and its message (see {@link ErrorMappers}). */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
