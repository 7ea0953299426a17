package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilterKey;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;

/** NextToken paging, filters, and DescribeInstanceInformation's two filter forms. */
class PagingIT {
  @RegisterExtension
  static final SsmEmulatorExtension SSM =
      SsmEmulatorExtension.create(
          SsmEmulator.builder()
              .instances(7)
              .addTag("Env", "dev")
              .addInstance(InstanceSpec.builder().online(false).addTag("Team", "blue").build())
              .visibilityDelay(Duration.ZERO));

  private final SsmEmulator emu = SSM.emulator();
  private final SsmClient ssm = SSM.ssm();

  @Test
  void listCommandInvocations_maxResultsTwo_pagesCoverEveryInvocationOnce() {
    List<String> ids = emu.instanceIds().subList(0, 5);
    String commandId = Poll.send(ssm, ids, "echo $AWS_SSM_INSTANCE_ID");
    ids.forEach(id -> Poll.terminal(ssm, commandId, id));

    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (ListCommandInvocationsResponse page :
        ssm.listCommandInvocationsPaginator(
            b -> b.commandId(commandId).maxResults(2).details(true))) {
      pages++;
      page.commandInvocations()
          .forEach(
              inv -> {
                seen.add(inv.instanceId());
                assertThat(inv.commandPlugins().get(0).output()).isEqualTo(inv.instanceId() + "\n");
              });
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void listCommands_statusFilter_onlyMatching() {
    String id = emu.instanceIds().get(0);
    String failed = Poll.send(ssm, List.of(id), "exit 2");
    String ok = Poll.send(ssm, List.of(id), "true");
    Poll.terminal(ssm, failed, id);
    Poll.terminal(ssm, ok, id);

    List<String> failedIds = new ArrayList<>();
    ssm.listCommandsPaginator(b -> b.filters(f -> f.key(CommandFilterKey.STATUS).value("Failed")))
        .commands()
        .forEach(c -> failedIds.add(c.commandId()));

    assertThat(failedIds).contains(failed).doesNotContain(ok);
  }

  @Test
  void listCommands_executionStageAndInvokedAfter_filter() {
    String id = emu.instanceIds().get(1);
    String done = Poll.send(ssm, List.of(id), "true");
    Poll.terminal(ssm, done, id);
    String running = Poll.send(ssm, List.of(id), "sleep 30");

    List<String> executing = new ArrayList<>();
    ssm.listCommandsPaginator(
            b -> b.filters(f -> f.key(CommandFilterKey.EXECUTION_STAGE).value("Executing")))
        .commands()
        .forEach(c -> executing.add(c.commandId()));
    List<String> future = new ArrayList<>();
    ssm.listCommands(
            b ->
                b.filters(f -> f.key(CommandFilterKey.INVOKED_AFTER).value("2999-01-01T00:00:00Z")))
        .commands()
        .forEach(c -> future.add(c.commandId()));

    assertThat(executing).contains(running).doesNotContain(done);
    assertThat(future).isEmpty();
    ssm.cancelCommand(b -> b.commandId(running));
  }

  @Test
  void describeInstanceInformation_pagesOfFive_listAllEight() {
    List<String> seen = new ArrayList<>();
    ssm.describeInstanceInformationPaginator(b -> b.maxResults(5))
        .instanceInformationList()
        .forEach(i -> seen.add(i.instanceId()));

    assertThat(seen).containsExactlyElementsOf(emu.instanceIds());
  }

  @Test
  void describeInstanceInformation_tagAndPingFilters_bothForms() {
    List<InstanceInformation> workers =
        ssm.describeInstanceInformation(b -> b.filters(f -> f.key("tag:Role").values("worker")))
            .instanceInformationList();
    List<InstanceInformation> lost =
        ssm.describeInstanceInformation(
                b ->
                    b.instanceInformationFilterList(
                        f ->
                            f.key(InstanceInformationFilterKey.PING_STATUS)
                                .valueSet("ConnectionLost")))
            .instanceInformationList();
    List<InstanceInformation> dev =
        ssm.describeInstanceInformation(
                b -> b.maxResults(50).filters(f -> f.key("tag:Env").values("dev")))
            .instanceInformationList();

    assertThat(workers)
        .extracting(InstanceInformation::instanceId)
        .containsExactly(
            emu.instanceIds().get(1), emu.instanceIds().get(3), emu.instanceIds().get(5));
    assertThat(lost)
        .extracting(InstanceInformation::instanceId)
        .containsExactly(emu.instanceIds().get(7));
    assertThat(lost.get(0).pingStatusAsString()).isEqualTo("ConnectionLost");
    assertThat(dev).hasSize(8);
    assertThat(workers.get(0).platformTypeAsString()).isEqualTo("Linux");
  }
}
