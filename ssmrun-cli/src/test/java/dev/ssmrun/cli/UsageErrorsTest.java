package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        "malformed id in list | run -i i-0123456789abcdef0,i-12 -- ls     | i-12",
        "no target            | run -- ls                                 | no target",
        "bad duration         | run --local --timeout 5x -- ls            | not a duration",
        "bad target           | run -t Role -- ls                         | Key=Value",
        "bad aws target       | run -t Key=tag:Role -- ls                 | Key=NAME,Values=V1,V2",
        "bad env              | run --local --env NOEQUALS -- ls          | Key=Value",
        "bad env name         | run --local --env 1X=a -- ls              | 1X",
        "bad policy           | run --local --allow-failures lots -- ls   | not a count",
        "zero local instances | run --local --local-instances 0 -- ls    | at least 1",
        "file not there, args | run --local -f no-such.sh -- a b          | cannot read script file"
            + " no-such.sh",
        "stage, no bucket     | run -i i-0123456789abcdef0 --stage -- ls  | --stage needs a staging"
            + " bucket",
        "keep, no bucket      | run -i i-0123456789abcdef0 --keep-staged -- ls | --staging-bucket",
        "secret, no bucket    | run -i i-0123456789abcdef0 --secret-env T=s3cr3t -- ls |"
            + " --secret-env needs a staging bucket",
        "secret file, no bkt  | run -i i-0123456789abcdef0 --secret-env-file x.env -- ls |"
            + " --secret-env-file needs a staging bucket",
        "input, no bucket     | run -i i-0123456789abcdef0 --input in.json -- ls | --input needs a"
            + " staging bucket",
        "results, no bucket   | run -i i-0123456789abcdef0 --results-dir out -- ls | --results-dir"
            + " needs a staging bucket",
        "staging prefix alone | run --local --staging-prefix p/ -- ls     | --staging-prefix needs"
            + " --staging-bucket",
        "bad staging bucket   | run --local --staging-bucket Bad_Name -- ls | --staging-bucket"
            + " 'Bad_Name' is not a valid S3 bucket name",
        "input not there      | run --local --input no-such.json -- ls    | --input file"
            + " no-such.json is not a readable regular file",
        "results, no-wait     | run -i i-0123456789abcdef0 --staging-bucket b1b --results-dir o"
            + " --no-wait -- ls | --results-dir needs the run to be watched",
        "secret without =     | run --local --secret-env TOKEN -- ls      | --secret-env takes"
            + " NAME=VALUE",
        "bad secret name      | run --local --secret-env 1X=s3cr3t -- ls  | 1X",
        "prefix, no bucket    | run --local --output-s3-prefix p -- ls    | --output-s3-bucket",
        "wait-online, no pre  | run --local --no-preflight --wait-online 1m -- ls | --no-preflight",
        "bad fault spec       | run --local --local-faults throtle=0.5 -- ls | throtle",
        "bad document         | run --local --document cobol -- ls        | cobol",
        "bad format           | run --local -o yaml -- ls                 | yaml",
        "local, endpoint      | run --local --endpoint-url http://127.0.0.1:1 -- ls | --endpoint-url",
        "local, s3 endpoint   | run --local --s3-endpoint-url http://127.0.0.1:1 -- ls |"
            + " --s3-endpoint-url",
        "local, region        | run --local --region eu-west-1 -- ls      | --region",
        "local, profile       | run --local --profile prod -- ls          | --profile",
        "instances, no local  | run -i i-0123456789abcdef0 --local-instances 2 -- ls |"
            + " --local-instances needs --local",
        "faults, no local     | run -i i-0123456789abcdef0 --local-faults throttle=1 -- ls |"
            + " --local-faults needs --local",
        "quiet and json       | run --local -q -o json -- ls              | -o json",
        "quiet and jsonl      | run --local -q -o jsonl -- ls             | -o jsonl",
        "no-wait and quiet    | run -i i-0123456789abcdef0 --no-wait -q -- ls | -q/--quiet",
        "no-wait, wait-timeout | run -i i-0123456789abcdef0 --no-wait --wait-timeout 1m -- ls |"
            + " --wait-timeout",
        "no-wait, fail-fast   | run -i i-0123456789abcdef0 --no-wait --fail-fast -- ls |"
            + " --fail-fast",
        "no-wait, local       | run --local --no-wait -- ls               | ssmrun emulator",
        "no-wait, follow      | run -i i-0123456789abcdef0 --no-wait -F -- ls | -F/--follow",
        "follow and json      | run --local -F -o json -- ls              | use -o jsonl",
        "bad log group        | run --local --log-group bad*group -- ls    | --log-group 'bad*group'",
        "local, logs endpoint | run --local --logs-endpoint-url http://127.0.0.1:1 -- ls |"
            + " --logs-endpoint-url",
      })
  void run_badArguments_printOneLineAndHint_exit2_sendNothing(
      String name, String args, String says) {
    assertUsageError(args, says, "ssmrun run");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad tag              | instances -t Role                         | Key=Value",
        "tag without value    | instances -t Role=                        | at least one value",
        "local, endpoint      | instances --local --endpoint-url http://127.0.0.1:1 | --endpoint-url",
        "instances, no local  | instances --local-instances 2             | needs --local",
        "unknown option       | instances --bogus                         | --bogus",
      })
  void instances_badArguments_exit2_sendNothing(String name, String args, String says) {
    assertUsageError(args, says, "ssmrun instances");
  }

  private static final String ID = "5f2b1a0e-8c9d-4e6f-a1b2-c3d4e5f60718";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status, no id        | status                                    | COMMAND_ID",
        "status, bad id       | status 5f2b1a0e                           | not an SSM command id",
        "status, local        | status --local " + ID + "                 | ssmrun emulator",
        "output, bad id       | output nope                               | not an SSM command id",
        "output, bad instance | output " + ID + " -i i-12                 | i-12",
        "output, local        | output --local " + ID + "                 | --endpoint-url",
        "output, two ids      | output " + ID + " " + ID + "              | Unmatched argument",
        "wait, no id          | wait                                      | COMMAND_ID",
        "wait, local          | wait --local " + ID + "                   | ssmrun emulator",
        "wait, quiet and json | wait -q -o json " + ID + "                | -o json",
        "wait, follow, json   | wait -F -o json " + ID + "                | use -o jsonl",
        "wait, bad policy     | wait --allow-failures lots " + ID + "     | not a count",
        "wait, bad timeout    | wait --wait-timeout soon " + ID + "       | not a duration",
        "cancel, no id        | cancel                                    | COMMAND_ID",
        "cancel, bad id       | cancel 123                                | not an SSM command id",
        "cancel, bad instance | cancel " + ID + " -i mi-zz                | mi-zz",
        "cancel, local        | cancel --local " + ID + "                 | ssmrun emulator",
        "cancel, local, endpt | cancel --local --endpoint-url http://127.0.0.1:1 "
            + ID
            + " |"
            + " --endpoint-url",
      })
  void byId_badArguments_exit2_nothingAsked(String name, String args, String says) {
    assertUsageError(args, says, "ssmrun " + args.trim().split("\\s+")[0]);
  }

  @Test
  void run_stagingPrefixTooLong_namesTheOption() {
    String prefix = "p".repeat(401);

    assertUsageError(
        "run --local --staging-bucket b1b --staging-prefix " + prefix + " -- ls",
        "--staging-prefix must have at most 400 characters",
        "ssmrun run");
  }

  @Test
  void run_secretValues_neverInUsageErrors() {
    for (String args :
        List.of(
            "run --local --secret-env 1X=s3cr3t -- ls",
            "run -i i-0123456789abcdef0 --secret-env TOKEN=s3cr3t -- ls",
            "run -i i-0123456789abcdef0 -o json --secret-env TOKEN=s3cr3t -- ls")) {
      CliRun run = CliRun.of(new RefusingServices(), args.split(" "));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out() + run.err()).doesNotContain("s3cr3t");
    }
  }

  @Test
  void completion_unknownShell_exit2() {
    assertUsageError("completion fish", "fish", "ssmrun completion");
  }

  @Test
  void jsonOutput_usageErrorIsAlsoAJsonObjectOnStdout() throws Exception {
    RefusingServices services = new RefusingServices();

    CliRun run = CliRun.of(services, "run", "-o", "json", "--local", "--region", "x", "--", "ls");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(json.get("error").asText()).isEqualTo("usage");
    assertThat(json.get("message").asText()).contains("--region");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(services.uses).hasValue(0);
  }

  @Test
  void jsonLinesOutput_usageErrorIsOneTypedLine() throws Exception {
    CliRun run = CliRun.of(new RefusingServices(), "run", "-o", "jsonl", "-i", "i-1", "--", "ls");

    assertThat(run.out().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("type").asText()).isEqualTo("error");
    assertThat(json.get("error").asText()).isEqualTo("usage");
  }

  @Test
  void noSubcommand_printsUsageOnStderr_exit2() {
    CliRun run = CliRun.of(new RefusingServices());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: ssmrun", "run", "instances");
    assertThat(run.out()).isEmpty();
  }

  private static void assertUsageError(String args, String says, String command) {
    RefusingServices services = new RefusingServices();

    CliRun run = CliRun.of(services, args.trim().split("\\s+"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("ssmrun: ")
        .contains(says);
    assertThat(run.err()).contains("Try '" + command + " --help' for more information.");
    if (args.contains("-o json")) {
      assertThat(run.out()).contains("\"error\"", "\"usage\""); // JSON modes: also on stdout
    } else {
      assertThat(run.out()).isEmpty();
    }
    assertThat(services.uses).hasValue(0);
  }
}
