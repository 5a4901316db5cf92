/**
 * The {@code one_for_all} strategy: a shared price cache (an Agent), the
 * {@link dev.otpspring.sample.pricing.Catalog} that fills it and the
 * {@link dev.otpspring.sample.pricing.Promotions} that discount it restart together when any one of
 * them crashes, so the prices are always rebuilt from a clean start.
 */
@NullMarked
package dev.otpspring.sample.pricing;

import org.jspecify.annotations.NullMarked;
