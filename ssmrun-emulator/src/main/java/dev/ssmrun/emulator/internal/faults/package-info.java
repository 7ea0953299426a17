/**
 * Not API. Seeded fault draws for a {@link dev.ssmrun.emulator.FaultSpec}: per-operation
 * probabilities, token buckets for {@code rate=N}, and the injected latency. The HTTP layer asks
 * before and after each call; the dispatcher and the agent ask for {@code offline} and {@code
 * crash} on each delivery.
 */
package dev.ssmrun.emulator.internal.faults;
