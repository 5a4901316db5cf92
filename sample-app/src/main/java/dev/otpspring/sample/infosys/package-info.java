/**
 * Programming Phoenix's InfoSys: a search fanned out to one temporary worker process per backend
 * under the {@code infosys} dynamic supervisor, collected until a deadline, with stragglers
 * stopped and a crashing backend costing only its own answers. Beside it, search statistics
 * written as a behaviour-style {@code GenServerBehaviour} that ticks every second.
 */
@NullMarked
package dev.otpspring.sample.infosys;

import org.jspecify.annotations.NullMarked;
