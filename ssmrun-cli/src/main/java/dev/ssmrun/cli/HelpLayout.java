package dev.ssmrun.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How a command's help lists its options: its own first, then the shared connection and output
 * options, then {@code --help} and {@code --version} (picocli lists a superclass's first).
 */
final class HelpLayout {
  /** The mixins every command that talks to SSM shares, by field name. */
  private static final Set<String> SHARED = Set.of("connection", "output");

  /** Options of {@code --local}, which the commands about earlier commands refuse. */
  private static final Set<String> LOCAL = Set.of("--local", "--local-instances", "--local-faults");

  /** Read only by -F/--follow: commands without it keep it out of their help. */
  private static final String LOGS_ENDPOINT = "--logs-endpoint-url";

  private HelpLayout() {}

  /**
   * Reorders {@code spec}'s options; with {@code hideLocal}, the --local ones leave the help, and
   * without -F/--follow, --logs-endpoint-url does.
   */
  static void apply(CommandSpec spec, boolean hideLocal) {
    List<OptionSpec> shared = new ArrayList<>();
    spec.mixins()
        .forEach(
            (name, mixin) -> {
              if (SHARED.contains(name)) {
                mixin.options().forEach(o -> shared.add(spec.findOption(o.longestName())));
              }
            });
    List<OptionSpec> help =
        spec.options().stream().filter(o -> o.usageHelp() || o.versionHelp()).toList();
    List<OptionSpec> last = new ArrayList<>(shared);
    last.addAll(help);
    last.forEach(spec::remove);
    boolean follows = spec.findOption("--follow") != null;
    for (OptionSpec option : last) {
      boolean hide =
          (hideLocal && LOCAL.contains(option.longestName()))
              || (!follows && option.longestName().equals(LOGS_ENDPOINT));
      spec.addOption(hide ? option.toBuilder().hidden(true).build() : option);
    }
  }
}
