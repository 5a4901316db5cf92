/**
 * The sample app: Programming Phoenix's chapter 11 ("OTP") told in Spring, one story per
 * subpackage, smallest first — see {@link dev.otpspring.sample.SampleApplication}. The
 * supervisors of its tree are declared in {@code application.yaml}.
 */
@NullMarked
package dev.otpspring.sample;

import org.jspecify.annotations.NullMarked;
