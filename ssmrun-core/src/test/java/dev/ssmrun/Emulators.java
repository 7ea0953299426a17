package dev.ssmrun;

import dev.ssmrun.emulator.SsmEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Helpers shared by the emulator-backed tests. */
public final class Emulators {
  private Emulators() {}

  /** A runner on {@code emu}'s SSM and S3 that closes those clients when it is closed. */
  public static SsmRunner runner(SsmEmulator emu) {
    return runner(emu, b -> b);
  }

  /** As {@link #runner(SsmEmulator)}, with more settings on the builder. */
  public static SsmRunner runner(SsmEmulator emu, UnaryOperator<SsmRunner.Builder> settings) {
    SsmClient ssm = emu.newSsmClient();
    S3Client s3 = emu.newS3Client();
    CloudWatchLogsClient logs = emu.newLogsClient();
    return new ClosingRunner(
        settings.apply(SsmRunner.builder().ssmClient(ssm).s3Client(s3).logsClient(logs)).build(),
        List.of(ssm, s3, logs));
  }

  /** Processes started per instance, only for the given instances. */
  public static Map<String, Integer> executions(SsmEmulator emu, List<String> ids) {
    Map<String, Integer> all = emu.state().executions();
    return ids.stream()
        .collect(java.util.stream.Collectors.toMap(id -> id, id -> all.getOrDefault(id, 0)));
  }

  /** A runner that also closes the SDK clients it was built with. */
  private record ClosingRunner(SsmRunner runner, List<SdkAutoCloseable> clients)
      implements SsmRunner {
    @Override
    public CommandResult run(RunRequest request, ProgressListener listener) {
      return runner.run(request, listener);
    }

    @Override
    public RunHandle start(RunRequest request, ProgressListener listener) {
      return runner.start(request, listener);
    }

    @Override
    public CompletableFuture<CommandResult> runAsync(
        RunRequest request, ProgressListener listener) {
      return runner.runAsync(request, listener);
    }

    @Override
    public List<String> send(RunRequest request) {
      return runner.send(request);
    }

    @Override
    public RunHandle attach(AttachRequest request, ProgressListener listener) {
      return runner.attach(request, listener);
    }

    @Override
    public Progress inspect(String... commandIds) {
      return runner.inspect(commandIds);
    }

    @Override
    public void close() {
      runner.close();
      clients.forEach(SdkAutoCloseable::close);
    }
  }
}
