package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.OperatingSystem;
import dev.ssmrun.emulator.internal.WorkFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An instance that is a machine of its own. A long-lived holder process owns the instance's user
 * and mount namespaces, where the instance's {@code /} is assembled once ({@link SandboxLayout}:
 * overlays whose upper folders live in the instance's folder, private {@code /tmp}, {@code /run},
 * {@code /root} and {@code /home}, the orchestration folders at the agent's path). Each script
 * enters those namespaces ({@code nsenter}) and runs in a fresh bubblewrap sandbox with its own
 * PID, UTS (hostname) and IPC namespaces, as root of the user namespace without {@code
 * CAP_SYS_ADMIN}. Concurrent scripts of one instance share its file system, as on a machine.
 */
final class SandboxMachine extends Machine {
  private static final String HOLDER =
      "mount --all --fstab \"$1\" || exit 1\necho ready\nread -r _";
  private static final String AGENT_DIR = "/var/lib/amazon/ssm/";

  private final SandboxLayout layout;
  private final Sandbox.Programs tools;
  private final Path fs;
  private final Path rootfs;
  private Process holder;
  private boolean prepared;
  private boolean closed;

  SandboxMachine(
      String instanceId,
      String hostname,
      OperatingSystem os,
      Path home,
      SandboxLayout layout,
      Sandbox.Programs tools) {
    super(instanceId, hostname, os, home);
    this.layout = layout;
    this.tools = tools;
    this.fs = home.resolve("fs");
    this.rootfs = fs.resolve("rootfs");
  }

  @Override
  List<String> command(ScriptRunner.Job job, Map<String, String> environment) throws IOException {
    long holderPid = holder().pid();
    String[] dirs = workingFolders(job);
    List<String> script = interpreter("sh", List.of(), pathOf(job.script()));
    List<String> command = new ArrayList<>(sandbox(holderPid));
    command.addAll(
        Supervisor.command(
            Supervisor.shell(),
            Supervisor.Scope.NAMESPACE,
            dirs[0],
            dirs[1],
            assignments(environment),
            script));
    return command;
  }

  /** The bubblewrap command line, up to and including its {@code --}. */
  List<String> sandbox(long holderPid) {
    List<String> out = new ArrayList<>();
    out.addAll(List.of(tools.setsid(), tools.nsenter(), "--target", Long.toString(holderPid)));
    // --preserve-credentials: the emulator's user is the namespace's root already, and a
    // non-root user may not call setgroups there.
    out.addAll(List.of("--user", "--mount", "--preserve-credentials", "--", tools.bwrap()));
    // --dev-bind: --bind would make the holder's /dev nodes unusable (nodev); no other device
    // node can be there, since nobody inside may mknod.
    out.addAll(List.of("--dev-bind", rootfs.toString(), "/", "--proc", "/proc"));
    // Host-wide settings stay out of reach of the user namespace's root.
    out.addAll(List.of("--ro-bind", "/proc/sys", "/proc/sys"));
    out.addAll(List.of("--ro-bind-try", "/proc/sysrq-trigger", "/proc/sysrq-trigger"));
    out.addAll(List.of("--ro-bind", "/sys", "/sys")); // /dev is the holder's, see SandboxFiles
    out.addAll(List.of("--unshare-pid", "--as-pid-1", "--unshare-uts", "--unshare-ipc"));
    out.addAll(List.of("--hostname", hostname, "--die-with-parent"));
    out.addAll(List.of("--cap-drop", "CAP_SYS_ADMIN", "--"));
    return out;
  }

  @Override
  String defaultWorkingDirectory() {
    return "/usr/bin"; // amazon-ssm-agent.service's WorkingDirectory
  }

  @Override
  String pathOf(Path hostPath) {
    Path relative = home.resolve("document").relativize(hostPath);
    return AGENT_DIR + instanceId + "/document/" + relative;
  }

  @Override
  synchronized void reboot() throws IOException {
    super.reboot();
    for (String folder : List.of("tmp", "run")) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(fs.resolve(folder))) {
        entries.forEach(WorkFolders::delete);
      }
    }
    Files.createDirectories(fs.resolve("run/lock"));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (holder == null) {
      return;
    }
    try {
      holder.getOutputStream().close();
      if (!holder.waitFor(5, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    } catch (IOException e) {
      holder.destroyForcibly();
    } catch (InterruptedException e) {
      holder.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The running holder, started (and the instance's folders prepared) on first use. */
  synchronized Process holder() throws IOException {
    if (closed) {
      throw new IOException("emulator closed");
    }
    if (holder != null && holder.isAlive()) {
      return holder;
    }
    if (!prepared) {
      new SandboxFiles(this, layout).prepare();
      prepared = true;
    }
    holder = startHolder();
    return holder;
  }

  private Process startHolder() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            tools.setsid(),
            tools.unshare(),
            "--user",
            "--map-root-user",
            "--mount",
            "--propagation",
            "private",
            "--",
            tools.sh(),
            "-c",
            HOLDER,
            "holder",
            "fstab");
    // Relative to the folder, so that no process of the emulator's own names the instance's folder.
    builder.directory(fs.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", Tools.AGENT_PATH + ":/sbin:/bin");
    Process started = ScriptRunner.spawn(builder);
    String line =
        new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    if (!"ready".equals(line)) {
      String error = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      started.destroyForcibly();
      throw new IOException(
          "cannot build the sandbox of "
              + instanceId
              + " (are user namespaces disabled or restricted on this host?): "
              + error.strip());
    }
    started.getInputStream().close();
    started.getErrorStream().close();
    return started;
  }

  Path fs() {
    return fs;
  }

  Path rootfs() {
    return rootfs;
  }
}
