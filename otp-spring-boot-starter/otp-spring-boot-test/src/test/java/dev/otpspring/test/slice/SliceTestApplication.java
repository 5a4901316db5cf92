package dev.otpspring.test.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application {@code @OtpTest} finds for the slice tests: scans this package. */
@SpringBootApplication
class SliceTestApplication {

}
