package dev.ssmrun;

/** Which SSM document runs the script. */
public enum Document {
  /** {@code AWS-RunShellScript}: {@code sh} on Linux and macOS. The default. */
  SHELL("AWS-RunShellScript"),
  /** {@code AWS-RunPowerShellScript}: PowerShell on Windows. */
  POWERSHELL("AWS-RunPowerShellScript"),
  /**
   * Chosen per instance from its platform ({@code DescribeInstanceInformation}): PowerShell on
   * Windows, shell elsewhere. Implies a pre-flight check.
   */
  AUTO(null);

  private final String documentName;

  Document(String documentName) {
    this.documentName = documentName;
  }

  /** The SSM document name, e.g. {@code "AWS-RunShellScript"}; null for {@link #AUTO}. */
  public String documentName() {
    return documentName;
  }
}
