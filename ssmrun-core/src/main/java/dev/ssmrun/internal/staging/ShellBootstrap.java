package dev.ssmrun.internal.staging;

import static dev.ssmrun.internal.send.Scripts.quoteAll;
import static dev.ssmrun.internal.send.Scripts.shellQuote;

import dev.ssmrun.StagingExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The POSIX {@code sh} side of staging. SSM runs the bootstrap: it makes a private folder (umask
 * 077, removed on every exit: a trap for exits and signals, a watcher in its own session for
 * SIGKILL), downloads the setup through its presigned URL (curl, else wget, else python3; the URL
 * goes on standard input, never on a command line), checks its SHA-256 (openssl, else sha256sum,
 * else shasum) and sources it, while the script downloads and is checked alongside. The setup
 * downloads and checks the input, and sets the arguments, the environment and the instance's
 * result URL; a run with none of these has no setup. The bootstrap then runs the script with the
 * interpreter of its {@code #!} line (else {@code sh}) and uploads the result. Pure.
 */
final class ShellBootstrap {
  private static final String HEAD =
      codes(
          """
      # ssmrun bootstrap: downloads a staged script through a presigned URL, checks its SHA-256
      # and runs it in a private temporary folder (ssmrun-core README, "Large scripts").
      # Exit codes: 90 download failed, 91 SHA-256 mismatch (nothing ran), 92 no SHA-256 tool,
      # 93 result upload failed, 94 no result URL for this instance; else the script's own.
      umask 077
      set -f
      ssmrun_die() { [ -z "${ssmrun_job-}" ] || kill "$ssmrun_job" 2>/dev/null; printf 'ssmrun: %s\\n' "$2" >&2; exit "$1"; }
      ssmrun_has() { command -v "$1" >/dev/null 2>&1; }
      ssmrun_py_get='
      import shutil, sys, urllib.request
      try:
          with urllib.request.urlopen(sys.stdin.readline().strip()) as r, open(sys.argv[1], "wb") as f:
              shutil.copyfileobj(r, f)
      except Exception as e:
          sys.exit("python3: %s" % getattr(e, "code", type(e).__name__))
      '
      ssmrun_get() { # URL FILE
        if ssmrun_has curl; then printf 'url = "%s"\\n' "$1" | curl -fsS --retry 3 -o "$2" -K -
        elif ssmrun_has wget; then printf '%s\\n' "$1" | wget -q -O "$2" -i -
        elif ssmrun_has python3; then printf '%s\\n' "$1" | python3 -c "$ssmrun_py_get" "$2"
        else ssmrun_die @DOWNLOAD@ 'cannot download the staged payload: install curl, wget or python3'
        fi
      }
      ssmrun_sha256() { # openssl first: it uses the CPU's SHA instructions, coreutils often not
        if ssmrun_has openssl; then openssl dgst -sha256 <"$1"
        elif ssmrun_has sha256sum; then sha256sum <"$1"
        elif ssmrun_has shasum; then shasum -a 256 <"$1"
        else return 1
        fi
      }
      ssmrun_fetch() { # URL SHA-256 FILE
        ssmrun_get "$1" "$3" || ssmrun_die @DOWNLOAD@ "could not download the staged ${3##*/} (URL expired, or S3 unreachable)"
        ssmrun_sum=$(ssmrun_sha256 "$3") || ssmrun_die @NO_TOOL@ 'cannot check SHA-256: install openssl, sha256sum or shasum'
        case $ssmrun_sum in
          *"$2"*) ;;
          *) ssmrun_die @MISMATCH@ "the staged ${3##*/} does not match its SHA-256 (it changed after upload): not running it" ;;
        esac
      }
      """);

  private static final String PUT =
      codes(
          """
      ssmrun_py_put='
      import os, sys, urllib.request
      headers = dict(h.split(": ", 1) for h in sys.argv[2:])
      headers["Content-Length"] = str(os.path.getsize(sys.argv[1]))
      try:
          with open(sys.argv[1], "rb") as f:
              urllib.request.urlopen(urllib.request.Request(sys.stdin.readline().strip(), f, headers, method="PUT"))
      except Exception as e:
          sys.exit("python3: %s" % getattr(e, "code", type(e).__name__))
      '
      ssmrun_put() { # URL FILE
        if ssmrun_has curl; then printf 'url = "%s"\\n' "$1" | curl -fsS --retry 3 -o /dev/null -T "$2" @CURL_HEADERS@ -K -
        elif ssmrun_has wget; then printf '%s\\n' "$1" | wget -q -O /dev/null --method=PUT --body-file="$2" @WGET_HEADERS@ -i -
        elif ssmrun_has python3; then printf '%s\\n' "$1" | python3 -c "$ssmrun_py_put" "$2" @PYTHON_HEADERS@
        else return 1
        fi
      }
      """);

  private static final String FOLDER =
      codes(
          """
      ssmrun_dir=$(mktemp -d "${TMPDIR:-/tmp}/ssmrun.XXXXXXXX") || ssmrun_die @DOWNLOAD@ 'cannot create a private temporary folder'
      trap 'rm -rf "$ssmrun_dir"' EXIT
      trap 'exit 129' HUP
      trap 'exit 130' INT
      trap 'exit 143' TERM
      if ssmrun_has setsid; then # removes the folder after a SIGKILL too (cancel, execution timeout)
        setsid sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; rm -rf "$2"' ssmrun-cleanup "$$" "$ssmrun_dir" </dev/null >/dev/null 2>&1 &
      fi
      """);

  private static final String WITH_SETUP =
      """
      # The script downloads while the setup does; its messages wait in a file, so that nothing
      # left running holds the invocation's output open.
      ssmrun_fetch @SCRIPT_URL@ @SCRIPT_SHA@ "$ssmrun_dir/script" >/dev/null 2>"$ssmrun_dir/fetch.err" &
      ssmrun_job=$!
      ssmrun_fetch @SETUP_URL@ @SETUP_SHA@ "$ssmrun_dir/setup"
      wait "$ssmrun_job" || { ssmrun_code=$?; cat "$ssmrun_dir/fetch.err" >&2; exit "$ssmrun_code"; }
      ssmrun_job=
      . "$ssmrun_dir/setup"
      rm -f "$ssmrun_dir/setup" "$ssmrun_dir/fetch.err"
      """;

  /** No environment, arguments, input or results: the script alone. */
  private static final String SCRIPT_ONLY =
      """
      ssmrun_fetch @SCRIPT_URL@ @SCRIPT_SHA@ "$ssmrun_dir/script"
      set --
      ssmrun_environment() { :; }
      """;

  private static final String RUN =
      """
      IFS= read -r ssmrun_line <"$ssmrun_dir/script" || :
      case $ssmrun_line in
        '#!'*) set -- ${ssmrun_line#??} "$ssmrun_dir/script" "$@" ;;
        *) set -- sh "$ssmrun_dir/script" "$@" ;;
      esac
      ssmrun_path=$PATH
      ssmrun_environment
      "$@"
      ssmrun_code=$?
      """;

  private static final String UPLOAD =
      codes(
          """
      PATH=$ssmrun_path
      if [ -f "$SSMRUN_RESULT" ] && ! ssmrun_put "$ssmrun_result_url" "$SSMRUN_RESULT"; then
        printf 'ssmrun: %s\\n' 'could not upload the result (URL expired, or S3 unreachable)' >&2
        [ "$ssmrun_code" -ne 0 ] || ssmrun_code=@UPLOAD@
      fi
      """);

  private ShellBootstrap() {}

  /**
   * The bootstrap for a run whose setup is {@code setup} (null: none, the script runs without
   * environment, arguments or results) and whose script is {@code script}, downloaded side by side
   * with the setup; {@code putHeaders} are the headers the result uploads must send (null: no
   * results).
   */
  static String bootstrap(StagedObject setup, StagedObject script, Map<String, String> putHeaders) {
    if (setup == null && putHeaders != null) {
      throw new IllegalArgumentException("results need a setup: it holds their URLs");
    }
    StringBuilder s = new StringBuilder(HEAD);
    if (putHeaders != null) {
      s.append(put(putHeaders));
    }
    String fetches =
        setup == null
            ? SCRIPT_ONLY
            : WITH_SETUP
                .replace("@SETUP_URL@", shellQuote(setup.url()))
                .replace("@SETUP_SHA@", shellQuote(setup.sha256()));
    s.append(FOLDER)
        .append(
            fetches
                .replace("@SCRIPT_URL@", shellQuote(script.url()))
                .replace("@SCRIPT_SHA@", shellQuote(script.sha256())))
        .append(RUN);
    if (putHeaders != null) {
      s.append(UPLOAD);
    }
    s.append("exit \"$ssmrun_code\"\n");
    return s.toString();
  }

  /**
   * The setup file: the instance's result URL, the input's download (the bootstrap downloads the
   * script), the arguments as positional parameters, and the environment in a function the
   * bootstrap calls just before the script (so that a PATH or IFS of the caller's does not change
   * the bootstrap).
   */
  static String setup(Setup setup) {
    List<String> lines = new ArrayList<>();
    lines.add("# ssmrun setup: sourced by the bootstrap once its SHA-256 matched.");
    if (setup.collectsResults()) {
      lines.add("export SSMRUN_RESULT=\"$ssmrun_dir/result\"");
      lines.add("case ${AWS_SSM_INSTANCE_ID-} in");
      setup
          .resultUrls()
          .forEach(
              (id, url) ->
                  lines.add(
                      "  " + shellQuote(id) + ") ssmrun_result_url=" + shellQuote(url) + " ;;"));
      lines.add(
          "  *) ssmrun_die "
              + StagingExitCodes.NOT_PREPARED
              + " \"no result URL for instance ${AWS_SSM_INSTANCE_ID-?}: it matched the targets"
              + " after the run was prepared\" ;;");
      lines.add("esac");
    }
    if (setup.input() != null) {
      lines.add(fetch(setup.input(), "input"));
      lines.add("export SSMRUN_INPUT=\"$ssmrun_dir/input\"");
    }
    lines.add(setup.arguments().isEmpty() ? "set --" : "set -- " + quoteAll(setup.arguments()));
    lines.add("ssmrun_environment() {");
    lines.add("  :");
    setup.environment().forEach((k, v) -> lines.add("  export " + k + "=" + shellQuote(v)));
    lines.add("}");
    return String.join("\n", lines) + "\n";
  }

  private static String fetch(StagedObject object, String file) {
    return "ssmrun_fetch "
        + shellQuote(object.url())
        + " "
        + shellQuote(object.sha256())
        + " \"$ssmrun_dir/"
        + file
        + "\"";
  }

  private static String put(Map<String, String> headers) {
    List<String> curl = new ArrayList<>();
    List<String> wget = new ArrayList<>();
    List<String> python = new ArrayList<>();
    // wget and urllib would send a form's content type, which some servers read as a form.
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/octet-stream");
    all.putAll(headers);
    all.forEach(
        (name, value) -> {
          if (!name.equals("Content-Type")) {
            curl.add("-H " + shellQuote(name + ": " + value)); // curl -T sends none.
          }
          wget.add(shellQuote("--header=" + name + ": " + value));
          python.add(shellQuote(name + ": " + value));
        });
    return PUT.replace("@CURL_HEADERS@", String.join(" ", curl))
        .replace("@WGET_HEADERS@", String.join(" ", wget))
        .replace("@PYTHON_HEADERS@", String.join(" ", python));
  }

  /** {@code text} with {@code @DOWNLOAD@} and the like replaced by {@link StagingExitCodes}. */
  static String codes(String text) {
    return text.replace("@DOWNLOAD@", Integer.toString(StagingExitCodes.DOWNLOAD_FAILED))
        .replace("@MISMATCH@", Integer.toString(StagingExitCodes.CHECKSUM_MISMATCH))
        .replace("@NO_TOOL@", Integer.toString(StagingExitCodes.NO_CHECKSUM_TOOL))
        .replace("@UPLOAD@", Integer.toString(StagingExitCodes.RESULT_UPLOAD_FAILED));
  }
}
