/**
 * Not API; may change in any release. The service core: {@link dev.ssmrun.emulator.internal.Engine}
 * holds all mutable state (instances, commands and their invocations, executions, the call log)
 * under one lock, and {@link dev.ssmrun.emulator.internal.Dispatcher} moves invocations through the
 * service's state machine (target resolution, MaxConcurrency, MaxErrors, delivery timeouts, expiry,
 * cancel). The state records ({@code CommandRecord}, {@code Invocation}, {@code Instance}) expose
 * their fixed fields to the sibling packages and their changing state through methods; all of it
 * is read and changed only while holding {@code Engine.lock}. The subpackages depend on this one: {@code http} (the wire), {@code api}
 * (the operations), {@code agent} (real processes), {@code s3} (output) and {@code faults}.
 */
package dev.ssmrun.emulator.internal;
