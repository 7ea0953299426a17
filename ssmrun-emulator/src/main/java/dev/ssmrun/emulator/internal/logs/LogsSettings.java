package dev.ssmrun.emulator.internal.logs;

import java.time.Duration;

/**
 * How the emulated CloudWatch Logs behaves.
 *
 * @param uploadInterval how often an agent ships new complete lines (the agent's 1 s)
 * @param finalUploadDelay how long after an invocation's terminal status its last events land;
 *     zero ships them before the status is reported
 * @param filterRate FilterLogEvents calls per second accepted from all callers together
 */
public record LogsSettings(Duration uploadInterval, Duration finalUploadDelay, double filterRate) {}
