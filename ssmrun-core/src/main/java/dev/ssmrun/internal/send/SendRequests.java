package dev.ssmrun.internal.send;

import dev.ssmrun.Document;
import dev.ssmrun.OutputOptions;
import dev.ssmrun.RunRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.Target;

/** Builds the SendCommand requests of a run. Pure. */
public final class SendRequests {
  /** SSM's limit of instance ids per SendCommand. */
  public static final int MAX_IDS = 50;

  static final String TOKEN_PREFIX = "ssmrun:";

  private SendRequests() {}

  /** Splits {@code ids} into chunks of at most 50, SSM's limit per SendCommand. */
  public static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += MAX_IDS) {
      chunks.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + MAX_IDS))));
    }
    return chunks;
  }

  /** The comment: the user's, then the token that identifies this one send. */
  static String comment(RunRequest request, String token) {
    String tag = TOKEN_PREFIX + token;
    return request.comment().map(c -> c + " " + tag).orElse(tag);
  }

  /** One SendCommand for {@code ids}, or for the request's tag targets if {@code ids} is empty. */
  static SendCommandRequest build(
      RunRequest request, Delivery delivery, Document document, List<String> ids, String token) {
    SendCommandRequest.Builder b =
        SendCommandRequest.builder()
            .documentName(document.documentName())
            .parameters(parameters(request, delivery.commands(document)))
            .timeoutSeconds((int) request.timeouts().delivery().toSeconds())
            .comment(comment(request, token));
    if (ids.isEmpty()) {
      b.targets(targets(request.targets().tags()));
    } else {
      b.instanceIds(ids);
    }
    request.maxConcurrency().ifPresent(b::maxConcurrency);
    MaxErrors.of(request).ifPresent(b::maxErrors);
    delivery
        .output()
        .ifPresent(
            bucket ->
                b.outputS3BucketName(bucket)
                    .outputS3KeyPrefix(
                        delivery.outputPrefix().isEmpty() ? null : delivery.outputPrefix()));
    OutputOptions output = request.output();
    if (output.cloudWatch()) {
      b.cloudWatchOutputConfig(
          c ->
              c.cloudWatchOutputEnabled(true)
                  .cloudWatchLogGroupName(output.cloudWatchLogGroup().orElse(null)));
    }
    return b.build();
  }

  /** The document parameters of {@code request} with {@code commands} as the payload. */
  public static Map<String, List<String>> parameters(RunRequest request, List<String> commands) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("commands", commands);
    request.payload().workingDirectory().ifPresent(d -> p.put("workingDirectory", List.of(d)));
    p.put("executionTimeout", List.of(Long.toString(request.timeouts().execution().toSeconds())));
    return p;
  }

  /** {@code Role} becomes {@code tag:Role}; {@code instanceids} and prefixed keys stay. */
  public static String targetKey(String key) {
    if (key.equalsIgnoreCase("instanceids")) {
      return "InstanceIds";
    }
    return key.contains(":") ? key : "tag:" + key;
  }

  /** DescribeInstanceInformation filters for the request's tag targets. */
  public static List<InstanceInformationStringFilter> tagFilters(Map<String, List<String>> tags) {
    List<InstanceInformationStringFilter> filters = new ArrayList<>();
    tags.forEach(
        (k, v) ->
            filters.add(
                InstanceInformationStringFilter.builder().key(targetKey(k)).values(v).build()));
    return filters;
  }

  private static List<Target> targets(Map<String, List<String>> targets) {
    List<Target> list = new ArrayList<>();
    targets.forEach(
        (key, values) -> list.add(Target.builder().key(targetKey(key)).values(values).build()));
    return list;
  }
}
