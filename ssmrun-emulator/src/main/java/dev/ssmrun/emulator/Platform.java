package dev.ssmrun.emulator;

/** The platform type of a simulated instance, as DescribeInstanceInformation reports it. */
public enum Platform {
  /** Runs {@code AWS-RunShellScript} with {@code sh}. */
  LINUX("Linux", "Amazon Linux", "2023"),
  /** Accepts {@code AWS-RunPowerShellScript}; runs it with {@code pwsh} if that is installed. */
  WINDOWS("Windows", "Microsoft Windows Server 2022 Datacenter", "10.0.20348"),
  /** Runs {@code AWS-RunShellScript} with {@code sh}, like Linux. */
  MACOS("MacOS", "macOS", "14.5");

  private final String wireName;
  private final String defaultName;
  private final String defaultVersion;

  Platform(String wireName, String defaultName, String defaultVersion) {
    this.wireName = wireName;
    this.defaultName = defaultName;
    this.defaultVersion = defaultVersion;
  }

  /** The {@code PlatformType} value on the wire, e.g. {@code Linux}. */
  public String wireName() {
    return wireName;
  }

  /** The default {@code PlatformName}, also {@code AWS_SSM_PLATFORM_NAME}. */
  public String defaultName() {
    return defaultName;
  }

  /** The default {@code PlatformVersion}, also {@code AWS_SSM_PLATFORM_VERSION}. */
  public String defaultVersion() {
    return defaultVersion;
  }
}
