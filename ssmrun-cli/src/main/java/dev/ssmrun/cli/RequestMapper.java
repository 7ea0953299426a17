package dev.ssmrun.cli;

import dev.ssmrun.RunRequest;
import java.util.List;

/** Turns {@code ssmrun run} options into a {@link RunRequest}. Pure: no I/O, no AWS. */
final class RequestMapper {
  private RequestMapper() {}

  static RunRequest map(RunCommand options, String script, List<String> localIds) {
    RunRequest.Builder b = RunRequest.builder();
    if (script != null) {
      b.script(script);
    } else {
      b.command(options.command);
    }
    b.instanceIds(options.instanceIds);
    for (String target : options.targets) {
      KeyValue kv = KeyValue.parse(target, "Role=web,api");
      b.addTarget(kv.key(), kv.values());
    }
    if (options.local && options.instanceIds.isEmpty() && options.targets.isEmpty()) {
      b.instanceIds(localIds);
    }
    for (String env : options.environment) {
      KeyValue kv = KeyValue.parse(env, "VERSION=1.2.3");
      b.putEnvironment(kv.key(), kv.value());
    }
    mapSettings(options, b);
    return b.build();
  }

  private static void mapSettings(RunCommand o, RunRequest.Builder b) {
    if (o.workingDirectory != null) {
      b.workingDirectory(o.workingDirectory);
    }
    if (o.executionTimeout != null) {
      b.executionTimeout(o.executionTimeout);
    }
    if (o.deliveryTimeout != null) {
      b.deliveryTimeout(o.deliveryTimeout);
    }
    if (o.waitTimeout != null) {
      b.waitTimeout(o.waitTimeout);
    }
    if (o.failurePolicy != null) {
      b.failurePolicy(o.failurePolicy);
    }
    if (o.comment != null) {
      b.comment(o.comment);
    }
    if (o.maxConcurrency != null) {
      b.maxConcurrency(o.maxConcurrency);
    }
    if (o.maxErrors != null) {
      b.maxErrors(o.maxErrors);
    }
    if (o.outputBucket != null) {
      b.outputS3(o.outputBucket, o.outputPrefix == null ? "" : o.outputPrefix);
    }
    if (o.waitForOnline != null) {
      b.waitForOnline(o.waitForOnline);
    }
    if (o.document != null) {
      b.document(o.document);
    }
    b.failFast(o.failFast).strictMode(!o.noStrict).preflight(!o.noPreflight);
  }
}
