/**
 * The {@code rest_for_one} strategy: a {@link dev.otpspring.sample.payments.Gateway} that holds a
 * session with the {@link dev.otpspring.sample.payments.Ledger} started before it, so when the
 * ledger restarts, the gateway restarts after it.
 */
@NullMarked
package dev.otpspring.sample.payments;

import org.jspecify.annotations.NullMarked;
