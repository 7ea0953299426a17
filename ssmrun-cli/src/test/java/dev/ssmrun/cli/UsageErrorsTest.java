package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageErrorsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no command           | run -i i-0123456789abcdef0                | no command",
        "no command, local    | run --local                               | no command",
        "unknown option       | run --bogus -i i-0123456789abcdef0 -- ls  | Unknown option:"
            + " '--bogus'",
        "malformed id         | run -i i-123 -- ls                        | i-123",
        "no target            | run -- ls                                 | no target",
        "bad duration         | run --local --timeout 5x -- ls            | not a duration",
        "bad target           | run -t Role -- ls                         | Key=Value",
        "bad env              | run --local --env NOEQUALS -- ls          | Key=Value",
        "bad env name         | run --local --env 1X=a -- ls              | 1X",
        "bad policy           | run --local --allow-failures lots -- ls   | not a count",
        "faults without local | run -i i-0123456789abcdef0 --local-faults throttle=1 -- ls |"
            + " --local",
        "zero local instances | run --local --local-instances 0 -- ls    | at least 1",
        "file and command     | run --local -f x.sh -- ls                 | not both",
        "prefix, no bucket    | run --local --output-s3-prefix p -- ls    | --output-s3-bucket",
        "wait-online, no pre  | run --local --no-preflight --wait-online 1m -- ls | --no-preflight",
        "bad fault spec       | run --local --local-faults throtle=0.5 -- ls | throtle",
        "bad document         | run --local --document cobol -- ls        | cobol",
      })
  void badArguments_printOneLineAndHint_exit2_sendNothing(String name, String args, String says) {
    RefusingServices services = new RefusingServices();

    CliRun run = CliRun.of(services, args.trim().split("\\s+"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("ssmrun: ")
        .contains(says);
    assertThat(run.err()).contains("Try 'ssmrun run --help' for more information.");
    assertThat(run.out()).isEmpty();
    assertThat(services.uses).hasValue(0);
  }
}
