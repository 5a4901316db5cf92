package dev.otpspring.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Bootstraps {@link OtpTest @OtpTest}: applies its {@code properties}. */
class OtpTestContextBootstrapper extends TestSliceTestContextBootstrapper<OtpTest> {

}
