package dev.otpspring.spring.autoconfigure;

/**
 * The reply to an asynchronous call whose {@code CompletableFuture} completed exceptionally: the
 * proxy completes the caller's future with {@link #cause()} instead of a value.
 *
 * @param cause the failure
 */
record AsyncFailure(Throwable cause) {
}
