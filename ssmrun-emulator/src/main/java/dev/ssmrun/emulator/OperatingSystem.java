package dev.ssmrun.emulator;

/**
 * The operating system a simulated instance reports ({@code PlatformName} and {@code
 * PlatformVersion}, also {@code AWS_SSM_PLATFORM_NAME} and {@code AWS_SSM_PLATFORM_VERSION}) and
 * whose {@code /bin/sh} its scripts run with: bash on Amazon Linux and Red Hat, dash on Ubuntu and
 * Debian. The files an instance sees are still the emulator host's (its distribution, packages and
 * {@code /etc/os-release}); only the shell follows the operating system.
 */
public enum OperatingSystem {
  /** Amazon Linux 2023, the default for {@link Platform#LINUX}; {@code sh} is bash. */
  AMAZON_LINUX_2023(Platform.LINUX, "Amazon Linux", "2023", "bash"),
  /** Amazon Linux 2; {@code sh} is bash. */
  AMAZON_LINUX_2(Platform.LINUX, "Amazon Linux", "2", "bash"),
  /** Red Hat Enterprise Linux 9; {@code sh} is bash. */
  RHEL_9(Platform.LINUX, "Red Hat Enterprise Linux", "9.4", "bash"),
  /** Ubuntu 24.04; {@code sh} is dash. */
  UBUNTU_24_04(Platform.LINUX, "Ubuntu", "24.04", "dash"),
  /** Ubuntu 22.04; {@code sh} is dash. */
  UBUNTU_22_04(Platform.LINUX, "Ubuntu", "22.04", "dash"),
  /** Debian 12; {@code sh} is dash. */
  DEBIAN_12(Platform.LINUX, "Debian GNU/Linux", "12", "dash"),
  /** Windows Server 2022, the default for {@link Platform#WINDOWS}; runs PowerShell scripts. */
  WINDOWS_SERVER_2022(
      Platform.WINDOWS, "Microsoft Windows Server 2022 Datacenter", "10.0.20348", "pwsh"),
  /** macOS 14, the default for {@link Platform#MACOS}; {@code sh} is bash. */
  MACOS_14(Platform.MACOS, "macOS", "14.5", "bash");

  private final Platform platform;
  private final String platformName;
  private final String platformVersion;
  private final String shell;

  OperatingSystem(Platform platform, String platformName, String platformVersion, String shell) {
    this.platform = platform;
    this.platformName = platformName;
    this.platformVersion = platformVersion;
    this.shell = shell;
  }

  /** The platform type, e.g. {@link Platform#LINUX}. */
  public Platform platform() {
    return platform;
  }

  /** {@code PlatformName}, e.g. {@code Amazon Linux}. */
  public String platformName() {
    return platformName;
  }

  /** {@code PlatformVersion}, e.g. {@code 2023}. */
  public String platformVersion() {
    return platformVersion;
  }

  /**
   * The program that runs scripts: {@code bash} or {@code dash} (as {@code /bin/sh}), or {@code
   * pwsh} for Windows.
   */
  public String shell() {
    return shell;
  }

  /** The operating system an instance of {@code platform} has unless one is chosen. */
  static OperatingSystem defaultFor(Platform platform) {
    return switch (platform) {
      case LINUX -> AMAZON_LINUX_2023;
      case WINDOWS -> WINDOWS_SERVER_2022;
      case MACOS -> MACOS_14;
    };
  }
}
