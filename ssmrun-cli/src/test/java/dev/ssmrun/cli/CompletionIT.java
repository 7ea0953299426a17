package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated completion script loads in a real bash and completes commands and options. */
class CompletionIT {
  @Test
  void bashScript_loads_completesSubcommandsAndTheirOptions(@TempDir Path tmp) throws Exception {
    CliRun completion = CliRun.of(new RefusingServices(), "completion", "bash");
    Path script = tmp.resolve("ssmrun-completion.bash");
    Files.writeString(script, completion.out());

    String probe =
        "source "
            + script
            + " && complete -p ssmrun"
            + " && COMP_WORDS=(ssmrun ins) COMP_CWORD=1 COMP_LINE='ssmrun ins' COMP_POINT=10"
            + " && _complete_ssmrun && echo \"[${COMPREPLY[*]}]\""
            + " && COMP_WORDS=(ssmrun run --no-w) COMP_CWORD=2 COMP_LINE='ssmrun run --no-w'"
            + " COMP_POINT=17 && _complete_ssmrun && echo \"[${COMPREPLY[*]}]\""
            + " && COMP_WORDS=(ssmrun ca) COMP_CWORD=1 COMP_LINE='ssmrun ca' COMP_POINT=9"
            + " && _complete_ssmrun && echo \"[${COMPREPLY[*]}]\""
            + " && COMP_WORDS=(ssmrun wait --fol) COMP_CWORD=2 COMP_LINE='ssmrun wait --fol'"
            + " COMP_POINT=17 && _complete_ssmrun && echo \"[${COMPREPLY[*]}]\"";
    // compopt complains outside a real completion; the probe only reads COMPREPLY.
    Process bash =
        new ProcessBuilder("bash", "-c", probe)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(bash.getInputStream().readAllBytes());

    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    assertThat(output)
        .contains(
            "-F _complete_ssmrun ssmrun", "[instances]", "[--no-wait]", "[cancel]", "[--follow]");
  }

  @Test
  void zsh_sameScript_loadsThroughBashcompinit() {
    CliRun zsh = CliRun.of(new RefusingServices(), "completion", "zsh");
    CliRun bash = CliRun.of(new RefusingServices(), "completion", "bash");

    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit");
  }
}
