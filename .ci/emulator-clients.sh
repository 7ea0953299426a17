#!/usr/bin/env bash
# Drives a running ssmrun emulator with real third-party clients: the AWS CLI (v2 from Debian's
# awscli package, plus v1 if it is on PATH) and boto3. Each one sends a command, waits with
# `aws ssm wait command-executed` / the boto3 waiter, reads the output, lists invocations with
# paging and details, describes instances and cancels a running command; then Parameter Store,
# {{ssm:}} references and CloudWatch Logs (the agent's output and the Logs API) with each client.
# Exits non-zero on any mismatch. Run from anywhere; builds the emulator module if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
here=.ci/emulator

fail() { echo "emulator-clients: FAIL: $*" >&2; exit 1; }
say() { echo "emulator-clients: $*"; }

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    fail "$* is missing and cannot be installed here (needs root and apt-get)"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq "$@" >/dev/null
}

find_cli() { # prints the first aws binary whose version starts with $1 (e.g. "aws-cli/2.")
  local candidate
  for candidate in $(which -a aws 2>/dev/null) /usr/bin/aws; do
    if [ -x "$candidate" ] && "$candidate" --version 2>&1 | grep -q "^$1"; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

find_python() { # prints a python3 that can import boto3
  local candidate
  for candidate in $(which -a python3 2>/dev/null) /usr/bin/python3; do
    if [ -x "$candidate" ] && "$candidate" -c 'import boto3' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

aws_v2=$(find_cli 'aws-cli/2\.') || { apt_install awscli; aws_v2=$(find_cli 'aws-cli/2\.'); } \
  || fail "no AWS CLI v2 found even after installing Debian's awscli"
aws_v1=$(find_cli 'aws-cli/1\.') || aws_v1=""
python=$(find_python) || { apt_install python3-boto3; python=$(find_python); } \
  || fail "no python3 with boto3 found even after installing python3-boto3"

work=$(mktemp -d)
chmod 700 "$work"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f ssmrun-emulator/target/classes/dev/ssmrun/emulator/Main.class ]; then
  say "compiling ssmrun-emulator"
  ./mvnw -B -q -pl ssmrun-emulator compile
fi
./mvnw -B -q -pl ssmrun-emulator dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  -Dmdep.includeScope=runtime >/dev/null
classpath="ssmrun-emulator/target/classes:$(cat "$work/cp.txt")"

java -cp "$classpath" dev.ssmrun.emulator.Main --instances 3 --visibility-delay-ms 300 \
  --log-upload-interval-ms 200 \
  >"$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 600); do
  grep -q '^READY=1$' "$work/emulator.out" 2>/dev/null && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.err" >&2; fail "emulator died"; }
  sleep 0.1
done
grep -q '^READY=1$' "$work/emulator.out" || fail "emulator did not start within 60 s"
SSM_ENDPOINT=$(sed -n 's/^SSM_ENDPOINT=//p' "$work/emulator.out")
INSTANCE_IDS=$(sed -n 's/^INSTANCE_IDS=//p' "$work/emulator.out")
say "emulator at $SSM_ENDPOINT with instances $INSTANCE_IDS"

# A hermetic client environment: only the emulator's keys, no profiles, no instance metadata.
: >"$work/config"
: >"$work/credentials"
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_ACCESS_KEY_ID=$(sed -n 's/^AWS_ACCESS_KEY_ID=//p' "$work/emulator.out")
export AWS_SECRET_ACCESS_KEY=$(sed -n 's/^AWS_SECRET_ACCESS_KEY=//p' "$work/emulator.out")
export AWS_REGION=$(sed -n 's/^AWS_REGION=//p' "$work/emulator.out")
export AWS_DEFAULT_REGION="$AWS_REGION" AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
export SSM_ENDPOINT INSTANCE_IDS

say "AWS CLI v2: $aws_v2"
bash "$here/cli-check.sh" "$aws_v2"
bash "$here/logs-params-check.sh" "$aws_v2"
if [ -n "$aws_v1" ]; then
  say "AWS CLI v1: $aws_v1"
  bash "$here/cli-check.sh" "$aws_v1"
  bash "$here/logs-params-check.sh" "$aws_v1"
fi
say "boto3 via $python"
"$python" "$here/boto3_check.py"
"$python" "$here/boto3_logs_params_check.py"
say "all client checks passed"
