package dev.ssmrun.cli;

import dev.ssmrun.OutputSink;
import dev.ssmrun.RunRequest;
import dev.ssmrun.ScriptInput;
import dev.ssmrun.StagingLocation;
import dev.ssmrun.cli.convert.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/** Turns {@code ssmrun run} options into a {@link RunRequest}. Pure: no I/O, no AWS. */
final class RequestMapper {
  private static final Pattern AWS_TARGET = Pattern.compile("(?i)Key=([^,=]+),Values=(.+)");

  private RequestMapper() {}

  static RunRequest map(
      RunOptions options, WatchOptions watch, boolean local, String script, List<String> localIds) {
    RunRequest.Builder b = RunRequest.builder();
    if (script != null) {
      b.script(script);
      if (options.scriptFile != null) {
        b.arguments(options.command); // -f FILE -- ARGS: the words are the script's arguments
      }
    } else {
      b.command(options.command);
    }
    b.instanceIds(options.instanceIds);
    for (String target : options.targets) {
      KeyValue kv = target(target);
      b.addTarget(kv.key(), kv.values());
    }
    if (local && options.instanceIds.isEmpty() && options.targets.isEmpty()) {
      b.instanceIds(localIds);
    }
    for (String env : options.environment) {
      KeyValue kv = KeyValue.parse(env, "VERSION=1.2.3");
      b.putEnvironment(kv.key(), kv.value());
    }
    mapSettings(options, b);
    if (watch.waitTimeout != null) {
      b.waitTimeout(watch.waitTimeout);
    }
    if (watch.failurePolicy != null) {
      b.failurePolicy(watch.failurePolicy);
    }
    if (options.logGroup != null) {
      b.cloudWatchOutput(options.logGroup);
    }
    return b.followOutput(watch.follow).build();
  }

  /**
   * {@code request} with what {@code stage} puts in S3: the staging {@code location} (null: none),
   * forced staging, kept objects, the {@code secrets}, the input and the results.
   */
  static RunRequest staged(
      RunRequest request,
      StageOptions stage,
      StagingLocation location,
      Map<String, String> secrets) {
    RunRequest.Builder b = request.toBuilder();
    if (location != null) {
      b.staging(location);
    }
    secrets.forEach(b::putSecretEnvironment);
    if (stage.input != null) {
      b.input(ScriptInput.ofFile(stage.input));
    }
    if (stage.resultsDir != null) {
      b.outputSink(OutputSink.resultFiles(stage.resultsDir));
    }
    return b.stage(stage.stage)
        .keepStagedObjects(stage.keep)
        .collectResults(stage.collectsResults())
        .build();
  }

  /** {@code Role=web,api}, or the AWS CLI's {@code Key=tag:Role,Values=web,api}. */
  static KeyValue target(String text) {
    Matcher aws = AWS_TARGET.matcher(text);
    if (aws.matches()) {
      return new KeyValue(aws.group(1), aws.group(2));
    }
    if (text.regionMatches(true, 0, "Key=", 0, 4)) {
      throw new TypeConversionException(
          "'" + text + "' is not Key=NAME,Values=V1,V2 (or use the short form, e.g. -t Role=web)");
    }
    return KeyValue.parse(text, "Role=web,api");
  }

  private static void mapSettings(RunOptions o, RunRequest.Builder b) {
    if (o.workingDirectory != null) {
      b.workingDirectory(o.workingDirectory);
    }
    if (o.executionTimeout != null) {
      b.executionTimeout(o.executionTimeout);
    }
    if (o.deliveryTimeout != null) {
      b.deliveryTimeout(o.deliveryTimeout);
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
