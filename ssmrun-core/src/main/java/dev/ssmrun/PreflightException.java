package dev.ssmrun;

import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-flight check found targets that cannot run the command (unknown, offline, or the wrong
 * platform), so nothing was sent.
 */
public final class PreflightException extends SsmRunException {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> problems;

  /** An exception listing each rejected target and why, e.g. {@code i-0abc -> "offline"}. */
  public PreflightException(Map<String, String> problems) {
    super(message(problems));
    this.problems = Map.copyOf(problems);
  }

  /** Each rejected target (instance id or tag target) and the reason. */
  public Map<String, String> problems() {
    return problems;
  }

  private static String message(Map<String, String> problems) {
    StringBuilder s = new StringBuilder("pre-flight check failed, nothing was sent:");
    new TreeMap<>(problems)
        .forEach((id, why) -> s.append("\n  ").append(id).append(": ").append(why));
    s.append(
        "\nCheck the ids and the SSM agent on those instances, wait for them to come online,"
            + " or turn the pre-flight check off.");
    return s.toString();
  }
}
