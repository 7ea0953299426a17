package dev.ssmrun.emulator;

/**
 * How simulated instances are kept apart from each other and from the host that runs the
 * emulator. Unless {@link SsmEmulator.Builder#isolation} asks for one, the emulator uses {@link
 * #SANDBOX} where it can be built and otherwise {@link #SHARED_HOST}, saying so once in its log.
 */
public enum Isolation {
  /**
   * Each instance is a separate machine built with bubblewrap and user namespaces: its own
   * hostname, PID namespace, {@code /tmp}, {@code /run}, {@code /root} and {@code /home}, and a
   * private copy-on-write view of the system folders, kept until the emulator closes. It shares
   * the host's network. Needs {@code bwrap}, {@code unshare}, {@code nsenter} and user namespaces.
   */
  SANDBOX,
  /**
   * Scripts run directly on the host as the emulator's user, each in its own process group and
   * working folder; everything else (files, hostname, processes) is the host's and is shared by
   * all instances.
   */
  SHARED_HOST
}
