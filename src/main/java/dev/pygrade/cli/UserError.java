package dev.pygrade.cli;

/** A problem the user can fix: printed as one clear line, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
