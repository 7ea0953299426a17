/**
 * A local, wire-compatible SSM Run Command service for tests: {@link
 * dev.ssmrun.emulator.SsmEmulator} (with its builder), {@link dev.ssmrun.emulator.FaultSpec},
 * {@link dev.ssmrun.emulator.InstanceSpec}, inspection through {@link
 * dev.ssmrun.emulator.EmulatorState}, and the JUnit 5 {@link
 * dev.ssmrun.emulator.SsmEmulatorExtension}. This is the public API.
 */
package dev.ssmrun.emulator;
