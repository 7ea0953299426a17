/**
 * The {@code ssmrun} command: {@link dev.ssmrun.cli.Main}, the top-level command and one class per
 * subcommand, the watching loop they share ({@code RunSession}), and the CLI's contract with its
 * caller: exit codes and errors in the command line's words. Not API.
 */
package dev.ssmrun.cli;
