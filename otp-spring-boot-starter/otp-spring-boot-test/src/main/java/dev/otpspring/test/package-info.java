/**
 * Testing OTP code: the {@link dev.otpspring.test.OtpTest @OtpTest} slice, the
 * {@link dev.otpspring.test.OtpTestKit} JUnit extension with a manual clock, the
 * {@link dev.otpspring.test.TestProbe} process and restart assertions.
 */
@NullMarked
package dev.otpspring.test;

import org.jspecify.annotations.NullMarked;
