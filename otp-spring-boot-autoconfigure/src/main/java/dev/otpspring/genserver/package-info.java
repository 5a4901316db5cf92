/**
 * GenServer: the generic server behaviour, a process that keeps a state and answers requests.
 * <p>
 * A server is written as a {@link dev.otpspring.genserver.GenServerBehaviour}: {@code init} gives
 * the first state, and each callback takes a message and the current state and returns what to
 * do next — {@link dev.otpspring.genserver.Reply}, {@link dev.otpspring.genserver.NoReply},
 * {@link dev.otpspring.genserver.Stop}. Clients use {@link dev.otpspring.genserver.GenServer}: a
 * <em>call</em> sends a request and waits for the reply (5 seconds by default), a <em>cast</em>
 * sends one and returns at once. Callbacks run inside the server's process, one message at a
 * time, so the state needs no locks; a callback that throws crashes the server, and its
 * supervisor restarts it from {@code init}.
 *
 * <pre>{@code
 * GenServer.start(runtime, new Counter(), GenServerOptions.named("counter"));
 * ProcessRef counter = runtime.named("counter");
 * GenServer.cast(counter, new Counter.Inc());
 * Object value = GenServer.call(counter, new Counter.Get());   // 1
 * }</pre>
 */
@NullMarked
package dev.otpspring.genserver;

import org.jspecify.annotations.NullMarked;
