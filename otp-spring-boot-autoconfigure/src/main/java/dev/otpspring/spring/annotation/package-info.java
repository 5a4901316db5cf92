/**
 * Annotations for writing GenServers the Spring way: a {@link dev.otpspring.spring.annotation.GenServer @GenServer}
 * class is a process whose fields are its private state, and other beans inject a proxy that
 * turns each method call into a message — a call ({@link dev.otpspring.spring.annotation.Call @Call})
 * or a cast ({@link dev.otpspring.spring.annotation.Cast @Cast}).
 * {@link dev.otpspring.spring.annotation.HandleInfo @HandleInfo},
 * {@link dev.otpspring.spring.annotation.OnInit @OnInit} and
 * {@link dev.otpspring.spring.annotation.OnTerminate @OnTerminate} mark the other callbacks;
 * {@link dev.otpspring.spring.annotation.Supervised @Supervised} puts any process bean under a
 * supervisor of the tree.
 */
@NullMarked
package dev.otpspring.spring.annotation;

import org.jspecify.annotations.NullMarked;
