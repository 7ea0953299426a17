package dev.ssmrun.cli;

import dev.ssmrun.CommandResult;
import dev.ssmrun.FailurePolicy;
import dev.ssmrun.InvocationResult;
import dev.ssmrun.Outcome;
import java.util.List;

/** Ready-made results for tests of what the CLI does with them. */
public final class TestResults {
  public static final String COMMAND_ID = "00000000-0000-0000-0000-000000000000";

  private TestResults() {}

  /** An invocation that exited {@code code}: Success for 0, Failed otherwise. */
  public static InvocationResult invocation(String id, int code, String stdout, String stderr) {
    return InvocationResult.builder()
        .commandId(COMMAND_ID)
        .instanceId(id)
        .status(code == 0 ? "Success" : "Failed")
        .statusDetails(code == 0 ? "Success" : "Failed")
        .exitCode(code)
        .stdout(stdout)
        .stderr(stderr)
        .outcome(code == 0 ? Outcome.SUCCESS : Outcome.FAILED)
        .build();
  }

  public static InvocationResult invocation(String id, int code) {
    return invocation(id, code, "", "");
  }

  public static CommandResult result(FailurePolicy policy, InvocationResult... invocations) {
    return CommandResult.builder()
        .commandIds(List.of(COMMAND_ID))
        .invocations(List.of(invocations))
        .failurePolicy(policy)
        .build();
  }
}
