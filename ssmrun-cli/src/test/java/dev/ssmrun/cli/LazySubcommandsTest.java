package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LazySubcommandsTest {
  @Test
  void needed_version_buildsNoSubcommand() {
    assertThat(SsmrunCommand.needed(new String[] {"--version"})).isEmpty();
    assertThat(SsmrunCommand.needed(new String[] {"-V"})).isEmpty();
  }

  @Test
  void needed_namedSubcommand_buildsOnlyIt() {
    assertThat(SsmrunCommand.needed(new String[] {"run", "--bogus"})).containsExactly("run");
    assertThat(SsmrunCommand.needed(new String[] {"instances", "-t", "Role=web"}))
        .containsExactly("instances");
  }

  @Test
  void subcommandNames_areTheNamesTheirCommandAnnotationsGive() {
    SsmrunCommand.SUBCOMMANDS.forEach(
        (name, type) ->
            assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name())
                .isEqualTo(name));
  }

  @Test
  void needed_helpCompletionRootHelpOrUnknown_buildsEverything() {
    int all = SsmrunCommand.commandLine(new RefusingServices()).getSubcommands().size();
    for (String[] args :
        new String[][] {{"help", "run"}, {"completion", "bash"}, {"--help"}, {}, {"bogus"}}) {
      assertThat(SsmrunCommand.needed(args)).hasSize(all);
    }
  }

  @Test
  void lazyCommandLine_sameUsageErrorAsTheFullOne() {
    String[] args = {"run", "--bogus"};
    assertThat(errOf(SsmrunCommand.commandLine(new RefusingServices(), args), args))
        .isEqualTo(errOf(SsmrunCommand.commandLine(new RefusingServices()), args));
  }

  private static String errOf(CommandLine cmd, String[] args) {
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cmd.execute(args)).isEqualTo(2);
    return err.toString();
  }
}
