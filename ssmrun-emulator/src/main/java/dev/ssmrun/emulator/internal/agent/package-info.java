/**
 * Not API. The simulated SSM agent: {@code Agent} takes a delivered invocation, writes {@code
 * _script.sh} into the orchestration folder and runs it with {@code sh} in its own process group
 * ({@code ScriptRunner}), applies executionTimeout, cancel and crash by killing the group ({@code
 * ProcessGroups}, {@code RunningScript}), maps the end to Status, StatusDetails and ResponseCode
 * ({@code AgentStatus}), truncates output as the agent does ({@code Truncation}) and reports back.
 */
package dev.ssmrun.emulator.internal.agent;
