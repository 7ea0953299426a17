package dev.ssmrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ssmrun.emulator.SsmEmulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role_arn/source_profile profile makes the packaged CLI call STS (here a loopback capture
 * server on AWS_ENDPOINT_URL_STS), then run the command with the role's credentials.
 */
class AssumeRoleIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/ssmrun-deployer";

  private final List<String> stsRequests = new CopyOnWriteArrayList<>();
  private SsmEmulator emulator;
  private HttpServer sts;

  @BeforeEach
  void start() throws Exception {
    emulator = SsmEmulator.builder().instances(1).start();
    sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sts.createContext(
        "/",
        exchange -> {
          stsRequests.add(
              URLDecoder.decode(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  StandardCharsets.UTF_8));
          byte[] body = assumeRoleResponse().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/xml");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    sts.start();
  }

  @AfterEach
  void stop() {
    sts.stop(0);
    emulator.close();
  }

  @Test
  void assumeRoleProfile_callsSts_thenRunsWithTheRolesCredentials(@TempDir Path home)
      throws Exception {
    Path config = home.resolve("config");
    Files.writeString(
        config,
        "[profile deploy]\n"
            + "role_arn = "
            + ROLE
            + "\nsource_profile = base\nregion = us-east-1\n\n"
            + "[profile base]\naws_access_key_id = AKIDBASEEXAMPLE\n"
            + "aws_secret_access_key = base-secret\n");
    String id = emulator.instanceIds().get(0);
    ProcessBuilder builder =
        PackagedCli.processBuilder(
            List.of(),
            "run",
            "--profile",
            "deploy",
            "--endpoint-url",
            emulator.endpoint().toString(),
            "-i",
            id,
            "--",
            "echo as the role");
    CliProcessIT.hermetic(builder.environment());
    builder.environment().put("AWS_CONFIG_FILE", config.toString());
    builder
        .environment()
        .put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + sts.getAddress().getPort());

    PackagedCli.Result r = PackagedCli.run(builder);

    assertThat(r.exitCode()).as(r.errText()).isZero();
    assertThat(r.outText()).isEqualTo(id + ": as the role\n");
    assertThat(stsRequests).hasSize(1);
    assertThat(stsRequests.get(0)).contains("Action=AssumeRole", "RoleArn=" + ROLE);
  }

  /** Hands out the emulator's keys as the role's session credentials. */
  private String assumeRoleResponse() {
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<AssumeRoleResult><Credentials>"
        + "<AccessKeyId>"
        + emulator.accessKeyId()
        + "</AccessKeyId>"
        + "<SecretAccessKey>"
        + emulator.secretAccessKey()
        + "</SecretAccessKey>"
        + "<SessionToken>session-token</SessionToken>"
        + "<Expiration>2099-01-01T00:00:00Z</Expiration>"
        + "</Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:ssmrun</AssumedRoleId>"
        + "<Arn>arn:aws:sts::123456789012:assumed-role/ssmrun-deployer/ssmrun</Arn>"
        + "</AssumedRoleUser></AssumeRoleResult>"
        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>";
  }
}
