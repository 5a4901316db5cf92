/**
 * Agent: a process that does nothing but hold one value, for state shared between processes.
 * <p>
 * An {@link dev.otpspring.agent.Agent} is read and changed by functions sent to its process, which
 * runs them one at a time: updates are serialised without locks, and under a supervisor a
 * crashed agent restarts from its initial value. An Agent is a GenServer with a ready-made
 * behaviour; write a GenServer when the state needs its own messages, timers or callbacks.
 *
 * <pre>{@code
 * Agent.start(runtime, HashMap::new, GenServerOptions.named("cache"));
 * Agent<Map<String, Integer>> cache = Agent.of(runtime.named("cache"));
 * cache.update(map -> { map.put("a", 1); return map; });
 * int a = cache.get(map -> map.get("a"));
 * }</pre>
 */
@NullMarked
package dev.otpspring.agent;

import org.jspecify.annotations.NullMarked;
