package dev.ssmrun.emulator.internal.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's side of one running script: a small POSIX shell program between the emulator and
 * the script. It changes into the working folder (as the agent's {@code cmd.Dir} does), runs the
 * script's command with its stdout and stderr relayed by two {@code cat}s to the emulator's pipes,
 * and exits with the script's exit code once the script has exited and everything holding its
 * output has closed it (the agent's Go {@code cmd.Wait()}). Its standard input is the emulator's
 * control pipe: when the emulator closes it, a watcher started by the script's own process
 * SIGKILLs everything in the script's scope, so that the emulator never signals a process id.
 *
 * <p>In a sandbox the supervisor is the PID namespace's init: its exit ends every process left in
 * the namespace, and the sandbox (whose monitor holds the emulator's pipes) exits only after that,
 * so the end of the emulator's pipes means nothing of the script is left. On the shared host the
 * watcher outlives the supervisor and kills the process group when the emulator closes the pipe.
 */
final class Supervisor {
  /** What the watcher kills when the control pipe closes. */
  enum Scope {
    /** Every process of the PID namespace but its init (the supervisor itself). */
    NAMESPACE("-1"),
    /** The process group the supervisor leads (after {@code setsid}). */
    GROUP("0");

    final String killTarget;

    Scope(String killTarget) {
      this.killTarget = killTarget;
    }
  }

  /** Exit code when the working folder does not exist, as the agent's failed start reports. */
  static final int START_FAILED = 1;

  private static final String PROGRAM =
      String.join(
          "\n",
          "scope=$1 dir=$2 fallback=$3",
          "shift 3",
          "exec 3<&0 </dev/null 7>&1 8>&2",
          "if ! cd -- \"$dir\" 2>/dev/null; then",
          "  if [ -z \"$fallback\" ] || ! cd -- \"$fallback\" 2>/dev/null; then",
          "    printf 'failed to run commands: chdir %s: no such file or directory\\n' \"$dir\" >&2",
          "    exit " + START_FAILED,
          "  fi",
          "fi",
          // fd 9 carries the script's exit code out of the pipelines; 4 and 5 are the relays'
          // pipes.
          "code=$(",
          "  exec 9>&1 >/dev/null 2>&1",
          "  {",
          "    {",
          // The watcher is a child of the process that becomes the script, so that a close of the
          // control pipe that comes before the exec still kills the script.
          "      \"$0\" -c '{ read -r _ <&3; kill -s KILL -- \"$0\"; } </dev/null >/dev/null 2>&1 &",
          "exec \"$@\" 3<&-' \"$scope\" \"$@\" >&4 2>&5 4>&- 5>&- 7>&- 8>&- 9>&-",
          "      echo \"$?\" >&9",
          "    } 4>&1 | cat >&7 3<&- 5>&- 7>&- 8>&- 9>&-",
          "  } 5>&1 | cat >&8 3<&- 7>&- 8>&- 9>&-",
          ")",
          "exit \"${code:-137}\"");

  private Supervisor() {}

  private static final String SHELL = Tools.find("dash").orElse(Path.of("/bin/sh")).toString();

  /** The shell the supervisor runs in: dash where the host has it (it starts fastest), else sh. */
  static String shell() {
    return SHELL;
  }

  /**
   * The command line that runs {@code command} under the supervisor with {@code shell} (a POSIX
   * shell by absolute path, the same inside a sandbox), in {@code dir} or else {@code fallback} (empty: none), the environment reset to
   * {@code environment} for the script's process.
   */
  static List<String> command(
      String shell,
      Scope scope,
      String dir,
      String fallback,
      List<String> environment,
      List<String> command) {
    // $0 is the shell itself, which also runs the watcher.
    List<String> out = new ArrayList<>(List.of(shell, "-c", PROGRAM, shell));
    out.addAll(List.of(scope.killTarget, dir, fallback, "env", "-i"));
    out.addAll(environment);
    out.addAll(command);
    return out;
  }
}
