package dev.pygrade.store;

/** The database could not be opened, migrated or used; the message says which and where. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
