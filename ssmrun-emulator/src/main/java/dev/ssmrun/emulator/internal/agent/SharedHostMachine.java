package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.OperatingSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An instance that is the emulator's host: scripts run as the emulator's user, each in its own
 * process group ({@code setsid}), by default in the instance's {@code work/} folder. The
 * operating system's shell runs the script ({@code bash --posix} as Amazon Linux's {@code sh},
 * {@code dash} as Ubuntu's), but whatever the script starts sees the host's {@code /bin/sh}.
 */
final class SharedHostMachine extends Machine {
  private final Path setsid;

  SharedHostMachine(String instanceId, String hostname, OperatingSystem os, Path home) {
    super(instanceId, hostname, os, home);
    this.setsid = Tools.require("setsid", "util-linux");
  }

  @Override
  List<String> command(ScriptRunner.Job job, Map<String, String> environment) throws IOException {
    String[] dirs = workingFolders(job);
    List<String> script = interpreter(shellProgram(), shellArgs(), job.script().toString());
    List<String> command = new java.util.ArrayList<>(List.of(setsid.toString()));
    command.addAll(
        Supervisor.command(
            Supervisor.shell(),
            Supervisor.Scope.GROUP,
            dirs[0],
            dirs[1],
            assignments(environment),
            script));
    return command;
  }

  private List<String> shellArgs() {
    // bash started as sh runs in POSIX mode, as Amazon Linux's /bin/sh does.
    return os.shell().equals("bash") ? List.of("--posix") : List.of();
  }

  @Override
  String defaultWorkingDirectory() {
    return home.resolve("work").toString();
  }

  @Override
  String pathOf(Path hostPath) {
    return hostPath.toString();
  }

  @Override
  public void close() {
    // Nothing runs on its own: scripts are stopped by the agent.
  }
}
