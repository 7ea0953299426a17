package dev.ssmrun;

import java.util.List;

/**
 * SSM accepted a command for tag targets but no managed instance matched them (its status is
 * {@code Success} with details {@code NoInstancesInTag}): the command ran nowhere.
 */
public final class NoInstancesMatchedException extends RunFailedException {
  private static final long serialVersionUID = 1L;
  private final List<String> targets;

  /** An exception for {@code targets} (as {@code Key=value,...}) in {@code result}'s command. */
  public NoInstancesMatchedException(List<String> targets, CommandResult result) {
    super(
        "no instance matched "
            + String.join(" ", targets)
            + ": check the tag names and values, and that the instances are managed by SSM"
            + " in this region",
        result,
        null);
    this.targets = List.copyOf(targets);
  }

  /** The tag targets that matched nothing, e.g. {@code Role=db}. */
  public List<String> targets() {
    return targets;
  }
}
