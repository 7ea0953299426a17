/**
 * Not API. The simulated SSM agent: {@code Agent} takes a delivered invocation and runs it on its
 * instance's {@code Machine}, a {@code SandboxMachine} (bubblewrap in user namespaces, laid out by
 * {@code SandboxLayout} and {@code SandboxFiles}, probed by {@code Sandbox}) or a {@code
 * SharedHostMachine}. {@code ScriptRunner} writes {@code _script.sh} and starts it under the
 * {@code Supervisor}, copies its output into the orchestration folder ({@code OutputCapture}),
 * and applies executionTimeout, cancel and crash by closing the supervisor's control pipe ({@code
 * RunningScript}, {@code RunningScripts}); {@code AgentStatus} maps the end to Status,
 * StatusDetails and ResponseCode, {@code Truncation} cuts output as the agent does.
 */
package dev.ssmrun.emulator.internal.agent;
