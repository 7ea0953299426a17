package dev.ssmrun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What runs on each instance: a script or an argv-style command, its arguments and environment,
 * working directory, strict mode and SSM document. Part of a {@link RunRequest}, set through its
 * builder. This class is immutable and thread-safe; {@link #toString()} never shows the script,
 * the arguments or the environment values.
 */
public final class Payload {
  private final String script;
  private final List<String> command;
  private final List<String> arguments;
  private final Map<String, String> environment;
  private final Map<String, String> secretEnvironment;
  private final String workingDirectory;
  private final boolean strictMode;
  private final Document document;

  Payload(
      String script,
      List<String> command,
      List<String> arguments,
      Map<String, String> environment,
      Map<String, String> secretEnvironment,
      String workingDirectory,
      boolean strictMode,
      Document document) {
    this.script = script;
    this.command = List.copyOf(command);
    this.arguments = List.copyOf(arguments);
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    this.secretEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(secretEnvironment));
    this.workingDirectory = workingDirectory;
    this.strictMode = strictMode;
    this.document = Objects.requireNonNull(document, "document == null");
  }

  /** The script text, unless the payload is an argv-style {@link #command()}. */
  public Optional<String> script() {
    return Optional.ofNullable(script);
  }

  /** The argv-style command; empty when the payload is a {@link #script()}. */
  public List<String> command() {
    return command;
  }

  /** The script's arguments ({@code $1}, {@code sys.argv[1:]}...), in order; empty if none. */
  public List<String> arguments() {
    return arguments;
  }

  /** Environment variables set for the script, in the order given. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Environment variables that travel only inside the staged, encrypted payload, never in the
   * command's parameters: a run with any needs a staging location.
   */
  public Map<String, String> secretEnvironment() {
    return secretEnvironment;
  }

  /** The directory the script starts in, if set; otherwise SSM's default. */
  public Optional<String> workingDirectory() {
    return Optional.ofNullable(workingDirectory);
  }

  /** True (the default) if multi-line shell scripts run with {@code set -e}. */
  public boolean strictMode() {
    return strictMode;
  }

  /** The SSM document; defaults to {@link Document#SHELL}. */
  public Document document() {
    return document;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload other
        && Objects.equals(script, other.script)
        && command.equals(other.command)
        && arguments.equals(other.arguments)
        && environment.equals(other.environment)
        && secretEnvironment.equals(other.secretEnvironment)
        && Objects.equals(workingDirectory, other.workingDirectory)
        && strictMode == other.strictMode
        && document == other.document;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        script,
        command,
        arguments,
        environment,
        secretEnvironment,
        workingDirectory,
        strictMode,
        document);
  }

  /** Sizes and names only: scripts, arguments and environment values may hold secrets. */
  @Override
  public String toString() {
    return "Payload{"
        + (script == null ? command.size() + " args" : "scriptLength=" + script.length())
        + ", arguments="
        + arguments.size()
        + ", environment="
        + environment.keySet()
        + ", secretEnvironment="
        + secretEnvironment.keySet()
        + ", document="
        + document
        + ", strictMode="
        + strictMode
        + "}";
  }
}
