/**
 * Micrometer meters for the runtime and the supervision tree — processes, mailboxes, restarts,
 * dead letters and call durations — with low-cardinality tags; the names are in
 * {@link dev.otpspring.spring.metrics.OtpMetricNames}.
 */
@NullMarked
package dev.otpspring.spring.metrics;

import org.jspecify.annotations.NullMarked;
