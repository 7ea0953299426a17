package dev.ssmrun.internal.staging;

import static dev.ssmrun.internal.send.Scripts.powerShellQuote;

import dev.ssmrun.StagingExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PowerShell side of staging, for {@code AWS-RunPowerShellScript}: as {@link ShellBootstrap},
 * with Invoke-WebRequest to download and upload and Get-FileHash to check, in a folder under the
 * temporary folder that only the current user may open, removed in a {@code finally}. Pure.
 */
final class PowerShellBootstrap {
  private static final String HEAD =
      ShellBootstrap.codes(
          """
          # ssmrun bootstrap: downloads a staged script through a presigned URL, checks its SHA-256
          # and runs it in a private temporary folder (ssmrun-core README, "Large scripts").
          # Exit codes: 90 download failed, 91 SHA-256 mismatch (nothing ran), 93 result upload
          # failed, 94 no result URL for this instance; else the script's own.
          $ProgressPreference = 'SilentlyContinue'
          function Stop-Ssmrun([int]$Code, [string]$Message) { [Console]::Error.WriteLine("ssmrun: $Message"); exit $Code }
          function Get-SsmrunFile([string]$Url, [string]$Sha256, [string]$Path) {
            $name = Split-Path -Leaf $Path
            try { Invoke-WebRequest -UseBasicParsing -Uri $Url -OutFile $Path -ErrorAction Stop }
            catch { Stop-Ssmrun @DOWNLOAD@ "could not download the staged $name (URL expired, or S3 unreachable)" }
            if ((Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash -ne $Sha256) {
              Stop-Ssmrun @MISMATCH@ "the staged $name does not match its SHA-256 (it changed after upload): not running it"
            }
          }
          $ssmrunDir = Join-Path ([IO.Path]::GetTempPath()) ('ssmrun.' + [guid]::NewGuid().ToString('N'))
          $ssmrunAcl = (New-Item -ItemType Directory -Path $ssmrunDir).GetAccessControl()
          $ssmrunAcl.SetAccessRuleProtection($true, $false)
          $ssmrunAcl.AddAccessRule([Security.AccessControl.FileSystemAccessRule]::new([Security.Principal.WindowsIdentity]::GetCurrent().User, 'FullControl', 'ContainerInherit,ObjectInherit', 'None', 'Allow'))
          Set-Acl -LiteralPath $ssmrunDir -AclObject $ssmrunAcl
          $ssmrunCode = 0
          try {
          """);

  private static final String UPLOAD =
      ShellBootstrap.codes(
          """
            if (Test-Path -LiteralPath $env:SSMRUN_RESULT) {
              try { Invoke-WebRequest -UseBasicParsing -Method Put -Uri $ssmrunResultUrl -InFile $env:SSMRUN_RESULT -Headers @HEADERS@ -ErrorAction Stop | Out-Null }
              catch {
                [Console]::Error.WriteLine('ssmrun: could not upload the result (URL expired, or S3 unreachable)')
                if ($ssmrunCode -eq 0) { $ssmrunCode = @UPLOAD@ }
              }
            }
          """);

  private PowerShellBootstrap() {}

  /** As {@link ShellBootstrap#bootstrap}. */
  static String bootstrap(StagedObject setup, Map<String, String> putHeaders) {
    StringBuilder s = new StringBuilder(HEAD);
    String file = "(Join-Path $ssmrunDir 'setup.ps1')";
    s.append("  Get-SsmrunFile ")
        .append(powerShellQuote(setup.url()))
        .append(' ')
        .append(powerShellQuote(setup.sha256()))
        .append(' ')
        .append(file)
        .append('\n');
    s.append("  . ").append(file).append('\n');
    s.append("  Remove-Item -LiteralPath ").append(file).append('\n');
    s.append("  $global:LASTEXITCODE = 0\n");
    s.append("  & (Join-Path $ssmrunDir 'script.ps1') @ssmrunArgs\n");
    s.append(
        "  $ssmrunCode = if ($?) { $LASTEXITCODE } elseif ($LASTEXITCODE) { $LASTEXITCODE } else { 1 }\n");
    if (putHeaders != null) {
      s.append(UPLOAD.replace("@HEADERS@", headers(putHeaders)));
    }
    s.append("} finally {\n");
    s.append(
        "  Remove-Item -LiteralPath $ssmrunDir -Recurse -Force -ErrorAction SilentlyContinue\n");
    s.append("}\n");
    s.append("exit $ssmrunCode\n");
    return s.toString();
  }

  /** As {@link ShellBootstrap#setup}, dot-sourced. */
  static String setup(Setup setup) {
    List<String> lines = new ArrayList<>();
    lines.add("# ssmrun setup: dot-sourced by the bootstrap once its SHA-256 matched.");
    if (setup.collectsResults()) {
      lines.add("$env:SSMRUN_RESULT = Join-Path $ssmrunDir 'result'");
      lines.add("$ssmrunResultUrl = switch ($env:AWS_SSM_INSTANCE_ID) {");
      setup
          .resultUrls()
          .forEach(
              (id, url) ->
                  lines.add("  " + powerShellQuote(id) + " { " + powerShellQuote(url) + " }"));
      lines.add(
          "  default { Stop-Ssmrun "
              + StagingExitCodes.NOT_PREPARED
              + " \"no result URL for instance $($env:AWS_SSM_INSTANCE_ID): it matched the"
              + " targets after the run was prepared\" }");
      lines.add("}");
    }
    lines.add(fetch(setup.script(), "script.ps1"));
    if (setup.input() != null) {
      lines.add(fetch(setup.input(), "input"));
      lines.add("$env:SSMRUN_INPUT = Join-Path $ssmrunDir 'input'");
    }
    List<String> args = new ArrayList<>();
    setup.arguments().forEach(a -> args.add(powerShellQuote(a)));
    lines.add("$ssmrunArgs = @(" + String.join(", ", args) + ")");
    setup.environment().forEach((k, v) -> lines.add("$env:" + k + " = " + powerShellQuote(v)));
    return String.join("\n", lines) + "\n";
  }

  private static String fetch(StagedObject object, String file) {
    return "Get-SsmrunFile "
        + powerShellQuote(object.url())
        + " "
        + powerShellQuote(object.sha256())
        + " (Join-Path $ssmrunDir '"
        + file
        + "')";
  }

  private static String headers(Map<String, String> headers) {
    List<String> pairs = new ArrayList<>();
    headers.forEach((k, v) -> pairs.add(powerShellQuote(k) + " = " + powerShellQuote(v)));
    return "@{ " + String.join("; ", pairs) + " }";
  }
}
