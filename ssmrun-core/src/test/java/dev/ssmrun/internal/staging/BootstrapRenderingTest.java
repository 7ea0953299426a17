package dev.ssmrun.internal.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmrun.StagingExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bootstraps and setups say, line by line; {@code BootstrapIT} runs the sh ones. */
class BootstrapRenderingTest {
  private static final StagedObject SETUP =
      new StagedObject("https://b.s3.amazonaws.com/p/setup-1?X-Amz-Signature=s1", "a1b2");
  private static final StagedObject SCRIPT = new StagedObject("https://u/script-9", "c3d4");
  private static final StagedObject INPUT = new StagedObject("https://u/input-8", "e5f6");
  private static final Map<String, String> SSE = Map.of("x-amz-server-side-encryption", "AES256");

  /** A setup with everything: script, input, {@code env}, two arguments, one result URL. */
  private static Setup full(Map<String, String> env) {
    return new Setup(
        SCRIPT, INPUT, env, List.of("a", "b c"), Map.of("i-0123456789abcdef0", "https://u/put"));
  }

  @Test
  void shellBootstrap_fetchesTheSetupAndTheScriptByUrlAndShaOnlyAndIsValidSh() throws Exception {
    String sh = ShellBootstrap.bootstrap(SETUP, SCRIPT, null);

    assertThat(sh)
        .contains(
            "ssmrun_fetch 'https://b.s3.amazonaws.com/p/setup-1?X-Amz-Signature=s1' 'a1b2'"
                + " \"$ssmrun_dir/setup\"\n")
        .contains(
            "ssmrun_fetch 'https://u/script-9' 'c3d4' \"$ssmrun_dir/script\" >/dev/null"
                + " 2>\"$ssmrun_dir/fetch.err\" &\n")
        .contains("umask 077\n")
        .contains("trap 'rm -rf \"$ssmrun_dir\"' EXIT\n")
        .contains("'#!'*) set -- ${ssmrun_line#??} \"$ssmrun_dir/script\" \"$@\" ;;")
        .contains("*) set -- sh \"$ssmrun_dir/script\" \"$@\" ;;")
        .doesNotContain("ssmrun_put")
        .endsWith("exit \"$ssmrun_code\"\n");
    assertThat(sh.lines().filter(l -> l.contains("https://")).count()).isEqualTo(2);
    assertInOrder(sh, "ssmrun_has curl", "ssmrun_has wget", "ssmrun_has python3");
    assertInOrder(sh, "ssmrun_has openssl", "ssmrun_has sha256sum", "ssmrun_has shasum");
    assertThat(sh)
        .contains("ssmrun_die " + StagingExitCodes.DOWNLOAD_FAILED + " 'cannot download")
        .contains("ssmrun_die " + StagingExitCodes.NO_CHECKSUM_TOOL + " 'cannot check SHA-256")
        .contains("ssmrun_die " + StagingExitCodes.CHECKSUM_MISMATCH + " \"the staged");
    assertValidSh(sh);
  }

  @Test
  void shellBootstrap_withResults_uploadsWithTheSignedHeadersEachToolItsWay() throws Exception {
    String sh = ShellBootstrap.bootstrap(SETUP, SCRIPT, SSE);

    assertThat(sh)
        .contains(
            "curl -fsS --retry 3 -o /dev/null -T \"$2\" -H 'x-amz-server-side-encryption: AES256' -K -")
        .contains(
            "wget -q -O /dev/null --method=PUT --body-file=\"$2\" '--header=Content-Type:"
                + " application/octet-stream' '--header=x-amz-server-side-encryption: AES256' -i -")
        .contains(
            "python3 -c \"$ssmrun_py_put\" \"$2\" 'Content-Type: application/octet-stream'"
                + " 'x-amz-server-side-encryption: AES256'")
        .contains(
            "[ \"$ssmrun_code\" -ne 0 ] || ssmrun_code=" + StagingExitCodes.RESULT_UPLOAD_FAILED);
    assertValidSh(sh);
  }

  @Test
  void shellSetup_holdsTheDataQuotedAndTheEnvironmentInAFunction() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TOKEN", "s3cr'et $(id)");
    env.put("PATH", "/opt/bin");
    String setup = ShellBootstrap.setup(full(env));

    assertThat(setup.lines())
        .containsSubsequence(
            "case ${AWS_SSM_INSTANCE_ID-} in",
            "  'i-0123456789abcdef0') ssmrun_result_url='https://u/put' ;;",
            "esac",
            "ssmrun_fetch 'https://u/input-8' 'e5f6' \"$ssmrun_dir/input\"",
            "export SSMRUN_INPUT=\"$ssmrun_dir/input\"",
            "set -- 'a' 'b c'",
            "ssmrun_environment() {",
            "  export TOKEN='s3cr'\\''et $(id)'",
            "  export PATH='/opt/bin'",
            "}");
    assertThat(setup)
        .contains("*) ssmrun_die " + StagingExitCodes.NOT_PREPARED + " \"no result URL");
    assertValidSh(setup);
  }

  @Test
  void shellSetup_withoutInputOrResults_onlyTheArguments() {
    String setup = ShellBootstrap.setup(new Setup(SCRIPT, null, Map.of(), List.of(), null));

    assertThat(setup)
        .doesNotContain("SSMRUN_INPUT")
        .doesNotContain("SSMRUN_RESULT")
        .doesNotContain("ssmrun_fetch")
        .contains("set --\n");
  }

  @Test
  void shellBootstrap_withoutSetup_fetchesOnlyTheScriptAndSetsNothing() throws Exception {
    String sh = ShellBootstrap.bootstrap(null, SCRIPT, null);

    assertThat(sh)
        .contains("ssmrun_fetch 'https://u/script-9' 'c3d4' \"$ssmrun_dir/script\"\nset --\n")
        .contains("ssmrun_environment() { :; }\n")
        .doesNotContain("/setup")
        .doesNotContain("wait ");
    assertThat(sh.lines().filter(l -> l.contains("https://")).count()).isEqualTo(1);
    assertThatThrownBy(() -> ShellBootstrap.bootstrap(null, SCRIPT, SSE))
        .isInstanceOf(IllegalArgumentException.class);
    assertValidSh(sh);
  }

  @Test
  void powerShellBootstrap_invokeWebRequestGetFileHashAndAFinally() {
    String ps = PowerShellBootstrap.bootstrap(SETUP, SSE);

    assertThat(ps)
        .contains("Invoke-WebRequest -UseBasicParsing -Uri $Url -OutFile $Path -ErrorAction Stop")
        .contains("(Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash -ne $Sha256")
        .contains(
            "Get-SsmrunFile 'https://b.s3.amazonaws.com/p/setup-1?X-Amz-Signature=s1' 'a1b2'"
                + " (Join-Path $ssmrunDir 'setup.ps1')")
        .contains("& (Join-Path $ssmrunDir 'script.ps1') @ssmrunArgs")
        .contains(
            "Invoke-WebRequest -UseBasicParsing -Method Put -Uri $ssmrunResultUrl -InFile"
                + " $env:SSMRUN_RESULT -Headers @{ 'x-amz-server-side-encryption' = 'AES256' }")
        .contains("SetAccessRuleProtection($true, $false)")
        .contains("Stop-Ssmrun " + StagingExitCodes.DOWNLOAD_FAILED + " \"could not download")
        .contains("Stop-Ssmrun " + StagingExitCodes.CHECKSUM_MISMATCH + " \"the staged")
        .contains(
            "if ($ssmrunCode -eq 0) { $ssmrunCode = "
                + StagingExitCodes.RESULT_UPLOAD_FAILED
                + " }")
        .contains("} finally {\n  Remove-Item -LiteralPath $ssmrunDir -Recurse -Force")
        .endsWith("exit $ssmrunCode\n");
    assertInOrder(ps, "Get-SsmrunFile '", ". (Join-Path $ssmrunDir 'setup.ps1')", "& (Join-Path");
    assertThat(PowerShellBootstrap.bootstrap(SETUP, null)).doesNotContain("-Method Put");
  }

  @Test
  void powerShellSetup_quotesVerbatimAndSelectsTheResultUrl() {
    String setup = PowerShellBootstrap.setup(full(Map.of("TOKEN", "it's \u2019x\u2019")));

    assertThat(setup.lines())
        .containsSubsequence(
            "$env:SSMRUN_RESULT = Join-Path $ssmrunDir 'result'",
            "$ssmrunResultUrl = switch ($env:AWS_SSM_INSTANCE_ID) {",
            "  'i-0123456789abcdef0' { 'https://u/put' }",
            "}",
            "Get-SsmrunFile 'https://u/script-9' 'c3d4' (Join-Path $ssmrunDir 'script.ps1')",
            "Get-SsmrunFile 'https://u/input-8' 'e5f6' (Join-Path $ssmrunDir 'input')",
            "$env:SSMRUN_INPUT = Join-Path $ssmrunDir 'input'",
            "$ssmrunArgs = @('a', 'b c')",
            "$env:TOKEN = 'it''s \u2019\u2019x\u2019\u2019'");
    assertThat(setup).contains("default { Stop-Ssmrun " + StagingExitCodes.NOT_PREPARED);
  }

  private static void assertInOrder(String text, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = text.indexOf(part, at + 1);
      assertThat(next).as(part + " after position " + at).isGreaterThan(at);
      at = next;
    }
  }

  /** {@code sh -n}: the system's sh parses it. */
  private static void assertValidSh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-n", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}
