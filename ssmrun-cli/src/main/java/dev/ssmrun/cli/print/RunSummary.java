package dev.ssmrun.cli.print;

import dev.ssmrun.CommandResult;
import java.time.Duration;

/**
 * A finished run as the CLI reports it.
 *
 * @param policy the failure policy in the user's words, e.g. {@code --allow-failures 10%}
 */
public record RunSummary(
    CommandResult result, int exitCode, Duration elapsed, boolean interrupted, String policy) {}
