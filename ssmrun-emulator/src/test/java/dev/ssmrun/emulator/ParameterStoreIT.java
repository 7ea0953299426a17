package dev.ssmrun.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Parameter Store and {@code {{ssm:name}}} references, through the SDK's SsmClient. */
class ParameterStoreIT {
  @RegisterExtension
  static final SsmEmulatorExtension EMU =
      SsmEmulatorExtension.create(
          SsmEmulator.builder().instances(1).visibilityDelay(Duration.ZERO));

  private final SsmClient ssm = EMU.ssm();

  @Test
  void putGet_versionsOverwriteAndSelectors() {
    assertThat(put("/app/color", "red", ParameterType.STRING, false)).isEqualTo(1);
    assertCode("ParameterAlreadyExists", () -> put("/app/color", "blue", null, false));
    assertThat(put("/app/color", "blue", null, true)).isEqualTo(2);

    Parameter latest = ssm.getParameter(b -> b.name("/app/color")).parameter();
    Parameter first = ssm.getParameter(b -> b.name("/app/color:1")).parameter();

    assertThat(latest.value()).isEqualTo("blue");
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.type()).isEqualTo(ParameterType.STRING);
    assertThat(latest.arn()).endsWith(":parameter/app/color");
    assertThat(first.value()).isEqualTo("red");
    assertThat(first.selector()).isEqualTo(":1");
    assertCode("ParameterVersionNotFound", () -> ssm.getParameter(b -> b.name("/app/color:9")));
    assertCode("ParameterNotFound", () -> ssm.getParameter(b -> b.name("/app/none")));
  }

  @Test
  void secureString_encryptedUnlessDecryptionAsked() {
    put("/app/secret", "s3cr3t", ParameterType.SECURE_STRING, false);

    String shown = ssm.getParameter(b -> b.name("/app/secret")).parameter().value();
    String decrypted =
        ssm.getParameter(b -> b.name("/app/secret").withDecryption(true)).parameter().value();

    assertThat(shown).isNotEqualTo("s3cr3t").doesNotContain("s3cr3t");
    assertThat(decrypted).isEqualTo("s3cr3t");
    assertThat(describe("/app/secret").get(0).keyId()).isEqualTo("alias/aws/ssm");
  }

  @Test
  void getParameters_foundAndInvalid_deleteThenNotFound() {
    put("/multi/a", "1", ParameterType.STRING, false);
    put("/multi/b", "x,y", ParameterType.STRING_LIST, false);

    GetParametersResponse r = ssm.getParameters(b -> b.names("/multi/a", "/multi/b", "/multi/c"));
    ssm.deleteParameter(b -> b.name("/multi/a"));

    assertThat(r.parameters()).extracting(Parameter::value).containsExactly("1", "x,y");
    assertThat(r.invalidParameters()).containsExactly("/multi/c");
    assertCode("ParameterNotFound", () -> ssm.deleteParameter(b -> b.name("/multi/a")));
    assertCode(
        "ValidationException",
        () ->
            ssm.getParameters(
                b -> b.names(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))));
  }

  @Test
  void describeParameters_filtersAndPaging() {
    for (int i = 1; i <= 3; i++) {
      put("/desc/p" + i, "v", ParameterType.STRING, false);
    }
    put("/desc/deeper/q", "v", ParameterType.STRING_LIST, false);

    List<String> names = new ArrayList<>();
    ssm.describeParametersPaginator(
            b -> b.maxResults(1).parameterFilters(f -> f.key("Path").values("/desc")))
        .forEach(page -> page.parameters().forEach(p -> names.add(p.name())));
    List<ParameterMetadata> lists =
        ssm.describeParameters(
                b ->
                    b.parameterFilters(
                        f -> f.key("Name").option("BeginsWith").values("/desc"),
                        f -> f.key("Type").values("StringList")))
            .parameters();

    assertThat(names).containsExactly("/desc/p1", "/desc/p2", "/desc/p3");
    for (int i = 10; i < 21; i++) {
      put("/eleven/p" + i, "v", ParameterType.STRING, false);
    }
    var firstPage =
        ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Path").values("/eleven")));
    assertThat(firstPage.parameters()).hasSize(10); // the default page size
    assertThat(firstPage.nextToken()).isNotNull();
    assertThat(lists).extracting(ParameterMetadata::name).containsExactly("/desc/deeper/q");
    assertCode(
        "InvalidFilterKey",
        () -> ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Color").values("x"))));
    assertCode(
        "InvalidFilterOption",
        () ->
            ssm.describeParameters(
                b -> b.parameterFilters(f -> f.key("Type").option("Contains").values("String"))));
    assertCode(
        "InvalidFilterValue",
        () -> ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Type").values("Bogus"))));
  }

  @Test
  void putParameter_badInput_serviceErrors() {
    assertCode("ValidationException", () -> put("/bad", "v", null, false)); // no type
    assertCode("ValidationException", () -> put("aws-reserved", "v", ParameterType.STRING, false));
    assertCode("ValidationException", () -> put("a/b", "v", ParameterType.STRING, false));
    assertCode(
        "ValidationException", () -> put("/big", "x".repeat(4097), ParameterType.STRING, false));
    assertCode(
        "ParameterPatternMismatchException",
        () ->
            ssm.putParameter(
                b ->
                    b.name("/pat").value("abc").type(ParameterType.STRING).allowedPattern("\\d+")));
  }

  @Test
  void ssmReference_resolvedAtSend_historyShowsTheReference() {
    String id = EMU.emulator().instanceIds().get(0);
    put("/ref/greeting", "hello from the store", ParameterType.STRING, false);
    put("/ref/list", "a,b", ParameterType.STRING_LIST, false);
    put("/ref/secret", "x", ParameterType.SECURE_STRING, false);

    String cmd = Poll.send(ssm, List.of(id), "echo '{{ssm:/ref/greeting}}' {{ ssm:/ref/list }}");
    String output = Poll.terminal(ssm, cmd, id).standardOutputContent();
    Map<String, List<String>> echoed =
        ssm.listCommands(b -> b.commandId(cmd)).commands().get(0).parameters();

    assertThat(output).isEqualTo("hello from the store a,b\n");
    assertThat(echoed.get("commands"))
        .containsExactly("echo '{{ssm:/ref/greeting}}' {{ ssm:/ref/list }}");
    assertCode("InvalidParameters", () -> Poll.send(ssm, List.of(id), "echo {{ssm:/ref/none}}"));
    assertCode("InvalidParameters", () -> Poll.send(ssm, List.of(id), "echo {{ssm:/ref/secret}}"));
    assertCode(
        "InvalidParameters", () -> Poll.send(ssm, List.of(id), "echo {{ssm-secure:/ref/secret}}"));
  }

  private Long put(String name, String value, ParameterType type, boolean overwrite) {
    return ssm.putParameter(b -> b.name(name).value(value).type(type).overwrite(overwrite))
        .version();
  }

  private List<ParameterMetadata> describe(String name) {
    return ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Name").values(name)))
        .parameters();
  }

  private static void assertCode(String code, Executable call) {
    SsmException e = catchThrowableOfType(SsmException.class, call::execute);
    assertThat(e).as("expected an SSM error").isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
  }
}
