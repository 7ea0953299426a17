package dev.ssmrun.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmrun.emulator.internal.CommandRecord;
import dev.ssmrun.emulator.internal.Document;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Instance;
import dev.ssmrun.emulator.internal.Invocation;
import dev.ssmrun.emulator.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** SendCommand: validates like the service, records the command, and hands it on. */
final class SendCommandOperation {
  static final Pattern INSTANCE_ID = Pattern.compile("(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");
  private static final Pattern DOCUMENT_NAME = Pattern.compile("^[a-zA-Z0-9_\\-.:/]{3,128}$");
  private static final Pattern DOCUMENT_VERSION =
      Pattern.compile("([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)");
  private static final Pattern MAX_CONCURRENCY =
      Pattern.compile("^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$");
  private static final Pattern MAX_ERRORS =
      Pattern.compile("^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$");

  private final Engine engine;

  SendCommandOperation(Engine engine) {
    this.engine = engine;
  }

  ObjectNode handle(Req req) {
    CommandRecord.Builder b = new CommandRecord.Builder();
    String documentName = req.required("DocumentName", "documentName");
    Req.check(documentName, "documentName", 3, 128, DOCUMENT_NAME);
    List<String> instanceIds = instanceIds(req);
    List<JsonNode> targets = TargetResolver.validate(req);
    if (instanceIds.isEmpty() == targets.isEmpty()) {
      throw AwsError.of(
          "ValidationException", "Exactly one of InstanceIds or Targets must be specified.");
    }
    b.comment = optional(req, "Comment", "comment", 0, 100, null);
    b.timeoutSeconds = req.intInRange("TimeoutSeconds", "timeoutSeconds", 30, 2_592_000, 3600);
    b.maxConcurrency = optional(req, "MaxConcurrency", "maxConcurrency", 1, 7, MAX_CONCURRENCY);
    b.maxErrors = optional(req, "MaxErrors", "maxErrors", 1, 7, MAX_ERRORS);
    b.maxConcurrency = b.maxConcurrency.isEmpty() ? "50" : b.maxConcurrency;
    b.maxErrors = b.maxErrors.isEmpty() ? "0" : b.maxErrors;
    b.bucket = optional(req, "OutputS3BucketName", "outputS3BucketName", 3, 63, null);
    b.keyPrefix = optional(req, "OutputS3KeyPrefix", "outputS3KeyPrefix", 0, 500, null);
    b.document = document(documentName);
    b.documentVersion = documentVersion(req);
    b.parameters =
        DocumentParameters.validate(
            ParameterReferences.resolve(engine.parameters, req.stringListMap("Parameters")));
    b.executionTimeoutSeconds = Integer.parseInt(b.parameters.get("executionTimeout").get(0));
    checkSize(documentName, b.parameters);
    b.request = req.body;
    b.usesTargets = !targets.isEmpty();
    b.commandId = UUID.randomUUID().toString();
    b.requestedAt = engine.clock.instant();
    return accept(new CommandRecord(b), instanceIds, targets);
  }

  private ObjectNode accept(CommandRecord command, List<String> ids, List<JsonNode> targets) {
    synchronized (engine.lock) {
      List<Instance> chosen = checkInstances(ids, command.document);
      checkTargetIds(targets);
      Instant visibleAt = command.requestedAt.plus(engine.settings.visibilityDelay());
      chosen.forEach(i -> command.invocations.put(i.id, new Invocation(command, i, visibleAt)));
      engine.commands.put(command.commandId, command);
    }
    ObjectNode response;
    synchronized (engine.lock) {
      response = Shapes.sendCommandResponse(command, engine.settings.region());
    }
    engine.dispatcher.submit(command, () -> new TargetResolver(engine).resolve(command, targets));
    return response;
  }

  private List<String> instanceIds(Req req) {
    List<String> ids = req.strings("InstanceIds");
    if (ids.size() > 50) {
      throw AwsError.validation(
          ids.toString(), "instanceIds", "Member must have length less than or equal to 50");
    }
    checkIds(ids, "instanceIds");
    if (new LinkedHashSet<>(ids).size() != ids.size()) {
      throw AwsError.bare("DuplicateInstanceId");
    }
    return ids;
  }

  /** Every id in a list must match the model's InstanceId pattern (ValidationException). */
  static void checkIds(List<String> ids, String field) {
    for (String id : ids) {
      if (!INSTANCE_ID.matcher(id).matches()) {
        throw AwsError.validation(
            ids.toString(),
            field,
            "Member must satisfy constraint: [Member must satisfy regular expression pattern: "
                + INSTANCE_ID.pattern()
                + "]");
      }
    }
  }

  /** A single id must match the model's InstanceId pattern (ValidationException). */
  static void checkId(String id, String field) {
    if (!INSTANCE_ID.matcher(id).matches()) {
      throw AwsError.validation(
          id, field, "Member must satisfy regular expression pattern: " + INSTANCE_ID.pattern());
    }
  }

  private static String optional(
      Req req, String name, String field, int min, int max, Pattern pattern) {
    String value = req.string(name);
    if (value == null) {
      return "";
    }
    Req.check(value, field, min, max, pattern);
    return value;
  }

  private static Document document(String name) {
    Document document = Document.byName(name);
    if (document == null) {
      throw AwsError.of("InvalidDocument", "Document with name " + name + " does not exist.");
    }
    return document;
  }

  private static String documentVersion(Req req) {
    String version = req.string("DocumentVersion");
    if (version == null) {
      return "$DEFAULT";
    }
    Req.check(version, "documentVersion", 0, 128, DOCUMENT_VERSION);
    if (!version.startsWith("$") && !version.equals("1")) {
      throw AwsError.of(
          "InvalidDocumentVersion",
          "Document version " + version + " does not exist; the only version is 1.");
    }
    return version;
  }

  private void checkSize(String documentName, Map<String, List<String>> parameters) {
    int size = Document.CONTENT_SIZE + documentName.length();
    try {
      size += Json.MAPPER.writeValueAsBytes(parameters).length;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (size > engine.settings.maxDocumentSize()) {
      throw AwsError.of(
          "MaxDocumentSizeExceeded",
          "The total size of the document and its parameters ("
              + size
              + " bytes) exceeds the limit of "
              + engine.settings.maxDocumentSize()
              + " bytes. Stage large scripts in S3 instead.");
    }
  }

  /**
   * Ids in a Targets {@code InstanceIds} key must exist, as the service checks them when the
   * command is sent; {@code *} stands for every instance. Call under the lock.
   */
  private void checkTargetIds(List<JsonNode> targets) {
    List<String> unknown = new ArrayList<>();
    for (JsonNode target : targets) {
      if (TargetResolver.isInstanceIds(target)) {
        for (String id : Req.strings(target, "Values")) {
          if (!id.equals("*") && !engine.instances.containsKey(id)) {
            unknown.add(id);
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw AwsError.of(
          "InvalidInstanceId",
          "Instances " + unknown + " not in a valid state for account 000000000000");
    }
  }

  /** Unknown or offline instances, or a platform the document does not support. */
  private List<Instance> checkInstances(List<String> ids, Document document) {
    List<Instance> chosen = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    List<String> wrongPlatform = new ArrayList<>();
    for (String id : ids) {
      Instance instance = engine.instances.get(id);
      if (instance == null || !instance.reachable()) {
        invalid.add(id);
      } else if (!document.platforms.contains(instance.platform)) {
        wrongPlatform.add(id);
      } else {
        chosen.add(instance);
      }
    }
    if (!invalid.isEmpty()) {
      throw AwsError.of(
          "InvalidInstanceId",
          "Instances " + invalid + " not in a valid state for account 000000000000");
    }
    if (!wrongPlatform.isEmpty()) {
      throw AwsError.of(
          "UnsupportedPlatformType",
          "The document "
              + document.documentName
              + " does not support the platform type of the instances "
              + wrongPlatform);
    }
    return chosen;
  }
}
