/**
 * How the sample's HTTP API reports a service that crashed, is restarting or is too slow: a
 * problem response (RFC 9457) that says "try again", since its supervisor is healing it.
 */
@NullMarked
package dev.otpspring.sample.web;

import org.jspecify.annotations.NullMarked;
