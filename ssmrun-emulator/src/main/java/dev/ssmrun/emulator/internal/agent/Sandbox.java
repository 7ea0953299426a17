package dev.ssmrun.emulator.internal.agent;

import dev.ssmrun.emulator.Isolation;
import dev.ssmrun.emulator.OperatingSystem;
import dev.ssmrun.emulator.internal.WorkFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether instances can be sandboxed on this host, found out once per JVM by building one
 * sandbox for real and running {@code true} in it, and which isolation an emulator gets.
 */
public final class Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
  private static final Pattern UNSAFE_ROOT = Pattern.compile("[,:\\\\\\s]");

  /** The host programs a sandbox is built with, by absolute path. */
  record Programs(String setsid, String unshare, String nsenter, String bwrap, String sh) {}

  /** What the probe found: the tools and layout, or why there is no sandbox. */
  private record Probe(Programs tools, SandboxLayout layout, String problem) {}

  private static Probe probe;
  private static boolean warned;

  private Sandbox() {}

  /**
   * The isolation an emulator with work folder {@code workRoot} gets: {@code requested}, or, if
   * null, the sandbox when it can be built and else the shared host (logged once per JVM).
   *
   * @throws IllegalStateException if the sandbox was requested and cannot be built
   */
  public static synchronized Isolation resolve(Isolation requested, Path workRoot) {
    if (requested == Isolation.SHARED_HOST) {
      return Isolation.SHARED_HOST;
    }
    String problem = problem(workRoot);
    if (problem == null) {
      return Isolation.SANDBOX;
    }
    if (requested == Isolation.SANDBOX) {
      throw new IllegalStateException(
          "cannot sandbox the instances: " + problem + "; or use Isolation.SHARED_HOST");
    }
    if (!warned) {
      warned = true;
      LOG.warn(
          "ssmrun-emulator: instances run directly on this host, sharing its files, hostname and"
              + " processes: {}",
          problem);
    }
    return Isolation.SHARED_HOST;
  }

  /** The machine of one instance under {@code isolation}. */
  static Machine machine(
      Isolation isolation, String instanceId, String hostname, OperatingSystem os, Path home) {
    if (isolation == Isolation.SHARED_HOST) {
      return new SharedHostMachine(instanceId, hostname, os, home);
    }
    Probe found = probe();
    return new SandboxMachine(instanceId, hostname, os, home, found.layout(), found.tools());
  }

  private static String problem(Path workRoot) {
    if (UNSAFE_ROOT.matcher(workRoot.toAbsolutePath().toString()).find()) {
      return "the work directory "
          + workRoot
          + " holds a comma, colon, backslash or blank, which mount options cannot carry;"
          + " choose another one";
    }
    return probe().problem();
  }

  private static synchronized Probe probe() {
    if (probe == null) {
      probe = runProbe();
    }
    return probe;
  }

  private static Probe runProbe() {
    Programs tools;
    SandboxLayout layout;
    try {
      tools =
          new Programs(
              find("setsid", "util-linux"),
              find("unshare", "util-linux"),
              find("nsenter", "util-linux"),
              find("bwrap", "bubblewrap: apt-get install bubblewrap"),
              find("sh", "dash or bash"));
      find("mount", "mount");
      layout = SandboxLayout.ofHost();
    } catch (IllegalStateException | IOException e) {
      return new Probe(null, null, e.getMessage());
    }
    return new Probe(tools, layout, tryOnce(tools, layout));
  }

  private static String find(String name, String hint) {
    return Tools.require(name, hint).toString();
  }

  /** Builds a throw-away instance and runs {@code true} in it; null if that worked. */
  private static String tryOnce(Programs tools, SandboxLayout layout) {
    Path root = WorkFolders.createTemp();
    SandboxMachine machine =
        new SandboxMachine(
            "i-probe", "probe", OperatingSystem.AMAZON_LINUX_2023, root, layout, tools);
    try {
      List<String> command = machine.sandbox(machine.holder().pid());
      command.addAll(List.of("/bin/sh", "-c", "exit 0"));
      Process run =
          ScriptRunner.spawn(
              new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE));
      run.getOutputStream().close();
      if (!run.waitFor(30, TimeUnit.SECONDS)) {
        run.destroyForcibly();
        return "a test sandbox did not finish within 30 s";
      }
      String error = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      return run.exitValue() == 0 ? null : "bubblewrap failed: " + error.strip();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while trying the sandbox";
    } finally {
      machine.close();
      WorkFolders.delete(root);
    }
  }
}
