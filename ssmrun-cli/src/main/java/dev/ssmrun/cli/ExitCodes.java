package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.StagingExitCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a result becomes an exit code: the library's own verdict, {@link
 * CommandResult#exitCode()}. 0 when the failure policy holds; otherwise the failed instances'
 * common exit code (as {@code ssh} passes a remote one through), else 1; 124 when the client
 * deadline passed; 255 when no instance received the command. The CLI adds 2 (usage), 130
 * (Ctrl-C) and 255 for errors that left no result at all (see {@link CliError}).
 */
public final class ExitCodes {
  /** The failure policy holds. */
  public static final int OK = 0;

  /** A usage error: nothing was sent (picocli's default). */
  static final int USAGE = 2;

  /** The client deadline passed (as GNU {@code timeout}). */
  static final int DEADLINE = CommandResult.EXIT_DEADLINE;

  /** Interrupted by Ctrl-C (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  /** ssmrun itself could not run the command anywhere (as {@code ssh}). */
  public static final int UNREACHABLE = CommandResult.EXIT_NOT_RUN;

  /** {@code ssmrun output} and {@code ssmrun cancel}: an instance has not finished (yet). */
  static final int UNFINISHED = 1;

  /** The exit codes of {@code ssmrun run}, as {@code --help} lists them. */
  static final Map<String, String> HELP =
      help(
          "usage error: nothing was sent",
          "interrupted (Ctrl-C); what still ran was cancelled",
          "ssmrun could not run the command anywhere (credentials, region, access denied, endpoint"
              + " unreachable, throttled beyond retries, pre-flight, no instance matched or"
              + " delivered)");

  /** The exit codes of {@code ssmrun wait}: the same rule, but Ctrl-C leaves the command be. */
  static final Map<String, String> WAIT_HELP =
      help(
          "usage error: nothing was done",
          "interrupted (Ctrl-C): ssmrun stopped waiting; the command goes on",
          "ssmrun could not watch the command (credentials, region, access denied, endpoint"
              + " unreachable, throttled beyond retries, command not found), or it ran nowhere"
              + " (no instance delivered)");

  private ExitCodes() {}

  public static int of(CommandResult result) {
    return result.exitCode();
  }

  private static Map<String, String> help(String usage, String interrupted, String unreachable) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(
        "0",
        "the failure policy held (every instance succeeded, or failures within --allow-failures)");
    codes.put(
        "N", "the policy was broken and every failed instance exited N (one instance: its code)");
    codes.put("1", "the policy was broken and the failed instances disagree");
    codes.put("2", usage);
    codes.put(
        StagingExitCodes.DOWNLOAD_FAILED + "-" + StagingExitCodes.NOT_PREPARED,
        "an instance's exit code from ssmrun's bootstrap of a staged run (as N above): "
            + StagingExitCodes.DOWNLOAD_FAILED
            + " download failed, "
            + StagingExitCodes.CHECKSUM_MISMATCH
            + " a staged object changed after upload (nothing ran), "
            + StagingExitCodes.NO_CHECKSUM_TOOL
            + " no SHA-256 tool, "
            + StagingExitCodes.RESULT_UPLOAD_FAILED
            + " the result could not be uploaded, "
            + StagingExitCodes.NOT_PREPARED
            + " an instance that matched the tags only after ssmrun resolved them");
    codes.put("124", "--wait-timeout passed; what still ran was cancelled");
    codes.put("130", interrupted);
    codes.put("255", unreachable);
    return Collections.unmodifiableMap(codes);
  }
}
