package dev.otpspring.sample.crash;

/**
 * A request no supervisor understands: receiving it as a call crashes the supervisor, and its
 * name shows as the crash reason in the tree.
 */
record CrashFromThePage() {
}
