/**
 * JMH benchmarks and plain measuring mains that compare the runtime with Pekko typed actors on
 * the same workloads — calls, casts, spawns, fan-out, idle memory, restart latency and the cost
 * of the starter's metrics — and write {@code RESULTS.md} from the results.
 */
@NullMarked
package dev.otpspring.benchmarks;

import org.jspecify.annotations.NullMarked;
