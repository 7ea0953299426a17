package dev.ssmrun.cli;

import dev.ssmrun.emulator.SsmEmulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI in-process against an emulator on {@code --endpoint-url}, as a user of {@code ssmrun
 * emulator} runs it, with commands sent to that emulator by other means.
 */
final class AgainstEndpoint implements AutoCloseable {
  final EmulatorServices services;
  final SsmEmulator emulator;

  AgainstEndpoint(EmulatorServices services) {
    this.services = services;
    this.emulator = services.emulator;
  }

  AgainstEndpoint(int instances) {
    this(new EmulatorServices(instances));
  }

  List<String> ids() {
    return emulator.instanceIds();
  }

  /** {@code ssmrun COMMAND --endpoint-url EMULATOR REST...}. */
  CliRun run(String command, String... rest) {
    return CliRun.of(services, args(command, rest));
  }

  /** The same, started on another thread. */
  CliRun.Running start(String command, String... rest) {
    return CliRun.start(services, args(command, rest));
  }

  /** Sends {@code script} with the SDK, as another tool would; the command id. */
  String send(String script, boolean cloudWatch, String... instanceIds) {
    return SentCommands.send(emulator, script, cloudWatch, List.of(instanceIds));
  }

  /** {@link #send} to every instance, without CloudWatch output, then waits for the end. */
  String sendAndAwait(String script) throws InterruptedException {
    String id = SentCommands.send(emulator, script, false, ids());
    SentCommands.awaitEnded(emulator, id);
    return id;
  }

  private String[] args(String command, String... rest) {
    List<String> all =
        new ArrayList<>(List.of(command, "--endpoint-url", emulator.endpoint().toString()));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
