package dev.ssmrun.emulator;

/** The platform type of a simulated instance, as DescribeInstanceInformation reports it. */
public enum Platform {
  /** Runs {@code AWS-RunShellScript} with {@code sh}. */
  LINUX("Linux"),
  /** Accepts {@code AWS-RunPowerShellScript}; runs it with {@code pwsh} if that is installed. */
  WINDOWS("Windows"),
  /** Runs {@code AWS-RunShellScript} with {@code sh}, like Linux. */
  MACOS("MacOS");

  private final String wireName;

  Platform(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code PlatformType} value on the wire, e.g. {@code Linux}. */
  public String wireName() {
    return wireName;
  }

  /** The {@code PlatformName} of this platform's default {@link OperatingSystem}. */
  public String defaultName() {
    return defaultOperatingSystem().platformName();
  }

  /** The {@code PlatformVersion} of this platform's default {@link OperatingSystem}. */
  public String defaultVersion() {
    return defaultOperatingSystem().platformVersion();
  }

  /** The operating system an instance of this platform has unless another is chosen. */
  public OperatingSystem defaultOperatingSystem() {
    return OperatingSystem.defaultFor(this);
  }
}
