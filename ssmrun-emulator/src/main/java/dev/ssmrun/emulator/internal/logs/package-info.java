/**
 * The emulator's CloudWatch Logs: log groups, streams and events in memory, and the agent's
 * publisher that ships a running script's output to them on the agent's rhythm.
 */
package dev.ssmrun.emulator.internal.logs;
