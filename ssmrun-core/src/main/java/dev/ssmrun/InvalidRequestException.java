package dev.ssmrun;

/**
 * A {@link RunRequest} setting has a value SSM would refuse or silently change. The message is
 * {@link #setting()} followed by {@link #problem()}, so that a command line can say the same with
 * its own option name. Thrown before anything is sent.
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String problem;

  /**
   * An exception for {@code setting} (the builder method, e.g. {@code executionTimeout}) and its
   * {@code problem} (e.g. {@code "must be between 5s and 48h, got 3s"}).
   */
  public InvalidRequestException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  /** The builder method whose value was refused, e.g. {@code "executionTimeout"}. */
  public String setting() {
    return setting;
  }

  /** What is wrong and what to do, without the setting's name. */
  public String problem() {
    return problem;
  }
}
