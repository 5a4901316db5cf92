/**
 * A key-value cache held by an {@code Agent} — a process that holds one value — declared as a bean,
 * started with the supervision tree, injected as {@code Agent<Map<String, String>>} and served
 * over HTTP.
 */
@NullMarked
package dev.otpspring.sample.cache;

import org.jspecify.annotations.NullMarked;
