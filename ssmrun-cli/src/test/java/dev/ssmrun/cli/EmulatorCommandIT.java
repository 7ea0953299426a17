package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/** {@code ssmrun emulator} as a user starts it: prints what to paste, serves until Ctrl-C. */
class EmulatorCommandIT {
  @Test
  void emulator_printsEnvironmentLines_servesTaggedInstances_stopsOnCtrlC() throws Exception {
    Process process =
        PackagedCli.processBuilder(List.of(), "emulator", "--instances", "2", "--tag", "Env=dev")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, String> exports = readExports(process);

    try (SsmClient ssm = client(exports)) {
      List<InstanceInformation> found =
          ssm.describeInstanceInformation(r -> r.filters(f -> f.key("tag:Env").values("dev")))
              .instanceInformationList();
      assertThat(found).hasSize(2).allMatch(i -> i.instanceId().matches("i-[0-9a-f]{17}"));
    }
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(130);
  }

  @Test
  void emulator_windowsAndSharedHost_servesWindowsInstancesOnTheHost() throws Exception {
    Process process =
        PackagedCli.processBuilder(
                List.of(), "emulator", "--instances", "1", "--windows", "2", "--shared-host")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, String> exports = readExports(process);

    try (SsmClient ssm = client(exports)) {
      List<InstanceInformation> windows =
          ssm.describeInstanceInformation(
                  r -> r.filters(f -> f.key("PlatformTypes").values("Windows")))
              .instanceInformationList();
      assertThat(windows).hasSize(2);
    }
    assertThat(exports).containsEntry("Isolation", "SHARED_HOST");
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static Map<String, String> readExports(Process process) throws Exception {
    Map<String, String> exports = new HashMap<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("Isolation:")) {
        exports.put("Isolation", line.substring("Isolation:".length()).strip());
      }
      if (line.startsWith("export ")) {
        String[] kv = line.substring("export ".length()).split("=", 2);
        exports.put(kv[0], kv[1]);
      }
      if (line.startsWith("export AWS_DEFAULT_REGION=")) {
        break;
      }
    }
    assertThat(exports)
        .containsKeys(
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_S3",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_REGION",
            "AWS_DEFAULT_REGION");
    return exports;
  }

  private static SsmClient client(Map<String, String> env) {
    return SsmClient.builder()
        .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL")))
        .region(Region.of(env.get("AWS_REGION")))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
        .build();
  }
}
