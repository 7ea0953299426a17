#!/usr/bin/env bash
# One AWS CLI binary against a running emulator: Parameter Store (put, overwrite, versions,
# SecureString, get-parameters, describe, delete), a {{ssm:name}} reference resolved at send time,
# CloudWatch output read back with `aws logs` (filter-log-events, get-log-events), and the Logs
# API's own operations and errors. Needs SSM_ENDPOINT, INSTANCE_IDS and the AWS_* variables set by
# ../emulator-clients.sh. Usage: logs-params-check.sh /path/to/aws
set -euo pipefail
cli=$1
fail() { echo "logs-params-check ($cli): FAIL: $*" >&2; exit 1; }
ssm() { "$cli" ssm --endpoint-url "$SSM_ENDPOINT" --output json "$@"; }
logs() { "$cli" logs --endpoint-url "$SSM_ENDPOINT" --output json "$@"; }
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {"d": d}))' "$1"; }
expect_error() { # expect_error CODE command...: the command fails and names CODE
  local code=$1 out
  shift
  if out=$("$@" 2>&1); then fail "expected $code from: $*"; fi
  grep -q "($code)" <<<"$out" || fail "expected ($code), got: $out"
}
IFS=, read -r -a ids <<<"$INSTANCE_IDS"
run="ci$RANDOM$RANDOM" # each CLI gets its own names on the shared emulator

# Parameter Store.
[ "$(ssm put-parameter --name "/$run/greeting" --value hello --type String | json 'd["Version"]')" = 1 ] \
  || fail "put-parameter version"
expect_error ParameterAlreadyExists ssm put-parameter --name "/$run/greeting" --value x --type String
[ "$(ssm put-parameter --name "/$run/greeting" --value "hello world" --overwrite | json 'd["Version"]')" = 2 ] \
  || fail "overwrite version"
[ "$(ssm get-parameter --name "/$run/greeting:1" | json 'd["Parameter"]["Value"]')" = hello ] \
  || fail "version selector"
ssm put-parameter --name "/$run/secret" --value s3cr3t --type SecureString >/dev/null
[ "$(ssm get-parameter --name "/$run/secret" | json 'd["Parameter"]["Value"]')" != s3cr3t ] \
  || fail "SecureString shown without decryption"
[ "$(ssm get-parameter --name "/$run/secret" --with-decryption | json 'd["Parameter"]["Value"]')" = s3cr3t ] \
  || fail "SecureString with decryption"
got=$(ssm get-parameters --names "/$run/greeting" "/$run/missing")
[ "$(json 'd["InvalidParameters"]' <<<"$got")" = "['/$run/missing']" ] || fail "get-parameters: $got"
[ "$(ssm describe-parameters --parameter-filters "Key=Path,Values=/$run" | json 'len(d["Parameters"])')" = 2 ] \
  || fail "describe-parameters by path"
expect_error ParameterNotFound ssm get-parameter --name "/$run/missing"

# {{ssm:name}} resolved at send time; CloudWatch output in a named group, read with `aws logs`.
group="/ci/$run"
cmd=$(ssm send-command --document-name AWS-RunShellScript --instance-ids "${ids[0]}" \
  --parameters "{\"commands\":[\"echo '{{ssm:/$run/greeting}}'\",\"echo oops >&2\"]}" \
  --cloud-watch-output-config "CloudWatchOutputEnabled=true,CloudWatchLogGroupName=$group" \
  | json 'd["Command"]["CommandId"]')
ssm wait command-executed --command-id "$cmd" --instance-id "${ids[0]}" || fail "wait"
[ "$(ssm get-command-invocation --command-id "$cmd" --instance-id "${ids[0]}" \
  | json 'd["StandardOutputContent"]')" = "hello world" ] || fail "reference not resolved"
[ "$(ssm list-commands --command-id "$cmd" | json 'd["Commands"][0]["Parameters"]["commands"][0]')" \
  = "echo '{{ssm:/$run/greeting}}'" ] || fail "command history should keep the reference"
expect_error InvalidParameters ssm send-command --document-name AWS-RunShellScript \
  --instance-ids "${ids[0]}" --parameters "{\"commands\":[\"echo {{ssm:/$run/nope}}\"]}"
events=""
for _ in $(seq 1 100); do # the last events land shortly after the terminal status
  events=$(logs filter-log-events --log-group-name "$group" --log-stream-name-prefix "$cmd/")
  [ "$(json 'len(d["events"])' <<<"$events")" = 2 ] && break
  sleep 0.3
done
[ "$(json 'sorted((e["logStreamName"].split("/")[-1], e["message"]) for e in d["events"])' <<<"$events")" \
  = "[('stderr', 'oops'), ('stdout', 'hello world')]" ] || fail "filter-log-events: $events"
stream="$cmd/${ids[0]}/aws-runShellScript/stdout"
[ "$(logs get-log-events --log-group-name "$group" --log-stream-name "$stream" --start-from-head \
  | json '[e["message"] for e in d["events"]]')" = "['hello world']" ] || fail "get-log-events"

# The Logs API itself.
logs create-log-group --log-group-name "/$run/api" >/dev/null
expect_error ResourceAlreadyExistsException logs create-log-group --log-group-name "/$run/api"
logs create-log-stream --log-group-name "/$run/api" --log-stream-name s >/dev/null
now=$(python3 -c 'import time; print(int(time.time()*1000))')
logs put-log-events --log-group-name "/$run/api" --log-stream-name s \
  --log-events "timestamp=$now,message=first" "timestamp=$((now + 1)),message=second" >/dev/null
[ "$(logs get-log-events --log-group-name "/$run/api" --log-stream-name s --start-from-head \
  | json '[e["message"] for e in d["events"]]')" = "['first', 'second']" ] || fail "put/get"
[ "$(logs describe-log-streams --log-group-name "/$run/api" | json 'd["logStreams"][0]["logStreamName"]')" = s ] \
  || fail "describe-log-streams"
[ "$(logs describe-log-groups --log-group-name-prefix "/$run/" | json 'len(d["logGroups"])')" = 1 ] \
  || fail "describe-log-groups"
expect_error ResourceNotFoundException logs get-log-events --log-group-name "/$run/none" --log-stream-name s
logs delete-log-group --log-group-name "/$run/api"
expect_error ResourceNotFoundException logs delete-log-group --log-group-name "/$run/api"
ssm delete-parameter --name "/$run/greeting"
expect_error ParameterNotFound ssm delete-parameter --name "/$run/greeting"
echo "logs-params-check ($cli): ok"
