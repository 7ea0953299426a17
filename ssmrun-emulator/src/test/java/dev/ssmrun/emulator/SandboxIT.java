package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/** Each sandboxed instance is a machine of its own, and none of them touches the host. */
class SandboxIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder()
              .instances(5)
              .visibilityDelay(Duration.ZERO)
              .isolation(Isolation.SANDBOX)
              .addInstance(InstanceSpec.builder().addTag("Name", "db-7").build()));

  private final SsmEmulator emu = SSM.emulator();
  private final SsmClient ssm = SSM.ssm();
  private final List<String> five = emu.instanceIds().subList(0, 5);

  @Test
  void mkdirLockInTmp_onFiveInstances_eachCreatesItsOwn() {
    String lock = "/tmp/lock-" + UUID.randomUUID();
    List<String> outputs = runOnAll(five, "mkdir " + lock + " && echo created");

    assertThat(outputs).containsOnly("created\n").hasSize(5);
    assertThat(Path.of(lock)).doesNotExist();
  }

  @Test
  void hostname_isTheNameTag_andDescribeInstanceInformationAgrees() {
    List<String> ids = emu.instanceIds();
    List<String> hostnames = runOnAll(ids, "hostname; cat /etc/hostname");
    List<String> computerNames = new ArrayList<>();
    for (String id : ids) {
      InstanceInformation info =
          ssm.describeInstanceInformation(b -> b.filters(f -> f.key("InstanceIds").values(id)))
              .instanceInformationList()
              .get(0);
      computerNames.add(info.computerName() + "\n" + info.computerName() + "\n");
    }

    assertThat(hostnames).isEqualTo(computerNames);
    assertThat(hostnames.get(0)).isEqualTo("local-1\nlocal-1\n");
    assertThat(hostnames.get(5)).isEqualTo("db-7\ndb-7\n");
  }

  @Test
  void writesToTmpEtcOptAndPackageFolders_stayOnTheirInstance_andPersist() {
    String name = "ssmrun-" + UUID.randomUUID();
    List<String> paths =
        List.of(
            "/tmp/" + name,
            "/etc/" + name,
            "/opt/" + name,
            "/usr/local/lib/" + name,
            "/root/" + name,
            "/home/" + name);
    String id = five.get(0);
    StringBuilder write = new StringBuilder();
    paths.forEach(p -> write.append("echo mine > ").append(p).append('\n'));
    run(id, write.toString().strip());

    String check =
        "for f in " + String.join(" ", paths) + "; do cat $f 2>/dev/null || echo -; done";
    assertThat(run(id, check))
        .as("a later command on the same instance")
        .isEqualTo("mine\n".repeat(6));
    assertThat(run(five.get(1), check)).as("another instance").isEqualTo("-\n".repeat(6));
    for (String p : paths) {
      assertThat(Path.of(p)).as("on the host").doesNotExist();
    }
  }

  @Test
  void ownPidNamespace_rootUser_andNoneOfTheHostsHomeFolder() throws Exception {
    Path hostEntry;
    try (var entries = Files.list(Path.of(System.getProperty("user.home")))) {
      hostEntry = entries.findFirst().orElseThrow();
    }
    String out =
        run(
            five.get(2),
            "echo $$",
            "ls /proc | grep -c '^[0-9]'",
            "id -u",
            "[ -e '" + hostEntry + "' ] && echo visible || echo hidden",
            "find /mnt /media /boot -mindepth 1 | wc -l");

    String[] lines = out.split("\n");
    assertThat(Integer.parseInt(lines[0])).as("the script's pid").isLessThan(10);
    assertThat(Integer.parseInt(lines[1])).as("processes it can see").isLessThan(15);
    assertThat(lines[2]).isEqualTo("0");
    assertThat(lines[3]).as(hostEntry.toString()).isEqualTo("hidden");
    assertThat(lines[4]).as("entries in /mnt, /media, /boot").isEqualTo("0");
  }

  @Test
  void dev_theUsualDevicesWork() {
    String out =
        run(
            five.get(4),
            "echo gone > /dev/null",
            "head -c 16 /dev/urandom | wc -c",
            "head -c 3 /dev/zero | wc -c",
            "python3 -c 'import multiprocessing; multiprocessing.Lock(); print(\"shm\")'",
            "[ -d /dev/pts ] && [ -e /dev/ptmx ] && echo pts",
            "echo err >/dev/stderr");

    assertThat(out).isEqualTo("16\n3\nshm\npts\n");
  }

  @Test
  void curlWgetAndPython3_fetchAPresignedUrlFromTheEmbeddedS3() throws Exception {
    String key = "staged/" + UUID.randomUUID();
    URL url;
    try (S3Client s3 = emu.newS3Client();
        S3Presigner presigner =
            S3Presigner.builder()
                .endpointOverride(emu.s3Endpoint())
                .region(software.amazon.awssdk.regions.Region.of(emu.region()))
                .serviceConfiguration(
                    software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .build())
                .credentialsProvider(
                    () ->
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                            emu.accessKeyId(), emu.secretAccessKey()))
                .build()) {
      s3.createBucket(b -> b.bucket("staging"));
      s3.putObject(b -> b.bucket("staging").key(key), RequestBody.fromString("echo staged\n"));
      url =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(g -> g.bucket("staging").key(key)))
              .url();
    }
    String quoted = "'" + url + "'";

    String out =
        run(
            five.get(3),
            "curl -fsS " + quoted + " | sh",
            "wget -qO- " + quoted + " | sh",
            "python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' "
                + quoted
                + " | sh");

    assertThat(out).isEqualTo("staged\nstaged\nstaged\n");
  }

  @Test
  void close_leavesNoTraceOnTheHost() {
    String name = "ssmrun-" + UUID.randomUUID();
    Path home;
    try (SsmEmulator own = SsmEmulator.builder().instances(1).isolation(Isolation.SANDBOX).start();
        SsmClient client = own.newSsmClient()) {
      String id = own.instanceIds().get(0);
      home = own.instanceDirectory(id);
      GetCommandInvocationResponse inv =
          Poll.terminal(
              client,
              Poll.send(client, List.of(id), "echo x > /etc/" + name, "echo x > /var/" + name),
              id);
      assertThat(inv.statusAsString()).as(inv.standardErrorContent()).isEqualTo("Success");
      assertThat(Files.exists(home.resolve("fs/upper/etc/" + name))).isTrue();
    }

    assertThat(home).doesNotExist();
    assertThat(Path.of("/etc/" + name)).doesNotExist();
    assertThat(Path.of("/var/" + name)).doesNotExist();
  }

  private List<String> runOnAll(List<String> ids, String... commands) {
    String commandId = Poll.send(ssm, ids, commands);
    List<String> outputs = new ArrayList<>();
    for (String id : ids) {
      GetCommandInvocationResponse inv = Poll.terminal(ssm, commandId, id);
      assertThat(inv.statusAsString()).as(inv.standardErrorContent()).isEqualTo("Success");
      outputs.add(inv.standardOutputContent());
    }
    return outputs;
  }

  private String run(String id, String... commands) {
    return runOnAll(List.of(id), commands).get(0);
  }
}
