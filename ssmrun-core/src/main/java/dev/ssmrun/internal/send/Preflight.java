package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.PreflightException;
import dev.ssmrun.RunRequest;
import dev.ssmrun.internal.aws.SsmGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PingStatus;
import software.amazon.awssdk.services.ssm.model.PlatformType;

/**
 * Checks targets with DescribeInstanceInformation before anything is sent: unknown, offline and
 * wrong-platform targets are rejected. Also picks the document per instance for {@link
 * Document#AUTO}.
 */
final class Preflight {
  /** The check's findings: problems by target, and the document for each instance id. */
  static final class Report {
    final Map<String, String> problems = new LinkedHashMap<>();
    final Map<String, Document> documents = new LinkedHashMap<>();
    boolean onlyWaitable = true;

    void problem(String target, String why, boolean waitable) {
      problems.put(target, why);
      onlyWaitable &= waitable;
    }

    PreflightException exception() {
      return new PreflightException(problems);
    }
  }

  private final SsmGateway ssm;

  Preflight(SsmGateway ssm) {
    this.ssm = ssm;
  }

  Report check(RunRequest request) {
    Report report = new Report();
    if (!request.targets().instanceIds().isEmpty()) {
      Map<String, InstanceInformation> known = new LinkedHashMap<>();
      for (List<String> chunk : SendRequests.chunks(request.targets().instanceIds())) {
        ssm.describeInstances(List.of(filter("InstanceIds", chunk)))
            .forEach(i -> known.put(i.instanceId(), i));
      }
      for (String id : request.targets().instanceIds()) {
        checkInstance(id, known.get(id), request.payload().document(), report);
      }
    } else {
      List<InstanceInformation> found =
          ssm.describeInstances(SendRequests.tagFilters(request.targets().tags()));
      if (found.isEmpty()) {
        report.problem(
            String.join(" ", request.targets().describeTags()),
            "no managed instance matches",
            true);
      }
      found.forEach(i -> checkInstance(i.instanceId(), i, request.payload().document(), report));
    }
    return report;
  }

  private static void checkInstance(
      String id, InstanceInformation info, Document document, Report report) {
    if (info == null) {
      report.problem(
          id, "unknown to SSM (not a managed instance, or another region/account)", true);
      return;
    }
    if (info.pingStatus() != PingStatus.ONLINE) {
      report.problem(id, "offline (PingStatus " + info.pingStatusAsString() + ")", true);
      return;
    }
    boolean windows = info.platformType() == PlatformType.WINDOWS;
    if (document == Document.SHELL && windows) {
      report.problem(id, "is Windows: use Document.POWERSHELL or Document.AUTO", false);
    } else if (document == Document.POWERSHELL && !windows) {
      report.problem(
          id,
          "is not Windows ("
              + info.platformTypeAsString()
              + "): use Document.SHELL or Document.AUTO",
          false);
    }
    report.documents.put(id, windows ? Document.POWERSHELL : Document.SHELL);
  }

  private static InstanceInformationStringFilter filter(String key, List<String> values) {
    return InstanceInformationStringFilter.builder().key(key).values(values).build();
  }
}
