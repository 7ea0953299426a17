package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.OperatingSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where one simulated instance runs its scripts: the shared host, or a sandbox of its own. It
 * turns a job into the command line that runs the script under the {@link Supervisor}, and
 * "reboots". Thread-safe.
 */
abstract class Machine implements AutoCloseable {
  /** The Windows agent's PowerShell arguments, before {@code -f <script>}. */
  private static final List<String> POWERSHELL_ARGS =
      List.of(
          "-InputFormat",
          "None",
          "-NonInteractive",
          "-NoProfile",
          "-ExecutionPolicy",
          "Unrestricted",
          "-f");

  /** What the Windows agent's Go {@code exec} reports when PowerShell is not there. */
  static final String NO_POWERSHELL =
      "exec: \"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\": file does not"
          + " exist";

  final String instanceId;
  final String hostname;
  final OperatingSystem os;
  final Path home;
  private volatile String invocationId = newInvocationId();

  Machine(String instanceId, String hostname, OperatingSystem os, Path home) {
    this.instanceId = instanceId;
    this.hostname = hostname;
    this.os = os;
    this.home = home;
  }

  /**
   * The command line that runs {@code job}'s script (already written to its folder) under the
   * supervisor, with the given environment for the script.
   *
   * @throws IOException if the machine cannot run it (the agent reports "failed to run commands")
   */
  abstract List<String> command(ScriptRunner.Job job, Map<String, String> environment)
      throws IOException;

  /** The instance restarts: what lives in {@code /tmp} and {@code /run} is gone. */
  void reboot() throws IOException {
    invocationId = newInvocationId();
  }

  /** Ends the machine; nothing of it runs afterwards. */
  @Override
  public abstract void close();

  /** systemd's {@code INVOCATION_ID} of the agent's service: new at every boot. */
  final String invocationId() {
    return invocationId;
  }

  /** The agent's default working folder when {@code workingDirectory} is empty or missing. */
  abstract String defaultWorkingDirectory();

  /** How this machine names a host path below the instance's folder. */
  abstract String pathOf(Path hostPath);

  /**
   * The working folder and the fallback the supervisor uses: an absolute {@code workingDirectory}
   * as given (no fallback); a relative one under the plugin's {@code downloads} folder, or the
   * agent's default working folder if that does not exist.
   */
  final String[] workingFolders(ScriptRunner.Job job) {
    String given = job.workingDirectory();
    if (given.startsWith("/")) {
      return new String[] {given, ""};
    }
    String downloads = pathOf(job.folder().getParent().resolve("downloads"));
    String dir = given.isEmpty() ? downloads : downloads + "/" + given;
    return new String[] {dir, defaultWorkingDirectory()};
  }

  /** The shell or PowerShell command for a script at {@code path} (this machine's name). */
  final List<String> interpreter(String shellProgram, List<String> shellArgs, String path)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (os.shell().equals("pwsh")) {
      String pwsh =
          Tools.onAgentPath("pwsh").orElseThrow(() -> new IOException(NO_POWERSHELL)).toString();
      command.add(pwsh);
      command.addAll(POWERSHELL_ARGS);
      command.add(path);
      return command;
    }
    command.add(shellProgram);
    command.addAll(shellArgs);
    command.add("-c");
    command.add(ScriptRunner.quote(path));
    return command;
  }

  /** The host's copy of the operating system's shell, e.g. {@code /usr/bin/dash}. */
  final String shellProgram() throws IOException {
    if (os.shell().equals("pwsh")) {
      return "";
    }
    return Tools.find(os.shell())
        .orElseThrow(
            () ->
                new IOException(
                    "this "
                        + os.platformName()
                        + " instance runs sh as "
                        + os.shell()
                        + ", which the emulator's host does not have; install it"))
        .toString();
  }

  /** The environment as {@code NAME=value} arguments for {@code env -i}. */
  static List<String> assignments(Map<String, String> environment) {
    List<String> out = new ArrayList<>();
    environment.forEach((name, value) -> out.add(name + "=" + value));
    return out;
  }

  private static String newInvocationId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
