/**
 * A plain Spring Boot app that uses OTP for Spring Boot the way a user's would, through the
 * starter alone: a {@code @GenServer} greeter supervised by the {@code greeters} supervisor.
 */
@NullMarked
package com.example.greeter;

import org.jspecify.annotations.NullMarked;
