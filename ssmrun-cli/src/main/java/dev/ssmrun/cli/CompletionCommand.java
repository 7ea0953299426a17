package dev.ssmrun.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ssmrun completion bash|zsh}: a completion script generated from the command model. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script for bash or zsh (generated from ssmrun's own options, so it"
          + " never falls behind). Load it in the current shell, or add the line to ~/.bashrc"
          + " or ~/.zshrc:",
      "",
      "  source <(ssmrun completion bash)",
      "  source <(ssmrun completion zsh)",
      ""
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells the script supports. */
  enum Shell {
    BASH,
    ZSH
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      description = "bash or zsh (zsh loads the same script through bashcompinit).")
  Shell shell;

  @Override
  public Integer call() {
    // The script starts by loading bashcompinit under zsh, so one script serves both shells.
    String script = AutoComplete.bash("ssmrun", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
