#!/usr/bin/env bash
# One AWS CLI binary against a running emulator: send, wait, get output, paged list with details,
# describe instances, cancel. Needs SSM_ENDPOINT, INSTANCE_IDS and the AWS_* variables set by
# ../emulator-clients.sh. Usage: cli-check.sh /path/to/aws
set -euo pipefail
cli=$1
fail() { echo "cli-check ($cli): FAIL: $*" >&2; exit 1; }
ssm() { "$cli" ssm --endpoint-url "$SSM_ENDPOINT" --output json "$@"; }
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {"d": d}))' "$1"; }

IFS=, read -r -a ids <<<"$INSTANCE_IDS"
[ "${#ids[@]}" -eq 3 ] || fail "expected 3 instances, got ${#ids[@]}"

# Send to all three; wait with the CLI's own waiter (it retries InvocationDoesNotExist).
cmd=$(ssm send-command --document-name AWS-RunShellScript --instance-ids "${ids[@]}" \
  --parameters '{"commands":["echo out-$AWS_SSM_INSTANCE_ID","echo err >&2"]}' \
  --comment cli-check | json 'd["Command"]["CommandId"]')
for id in "${ids[@]}"; do
  ssm wait command-executed --command-id "$cmd" --instance-id "$id" \
    || fail "wait command-executed failed for $id"
  got=$(ssm get-command-invocation --command-id "$cmd" --instance-id "$id")
  [ "$(json 'd["Status"]' <<<"$got")" = Success ] || fail "status: $got"
  [ "$(json 'd["ResponseCode"]' <<<"$got")" = 0 ] || fail "response code: $got"
  [ "$(json 'd["StandardOutputContent"]' <<<"$got")" = "out-$id" ] || fail "stdout: $got"
  [ "$(json 'd["StandardErrorContent"]' <<<"$got")" = err ] || fail "stderr: $got"
done

# A failing command: the waiter reports failure, the exit code comes through.
bad=$(ssm send-command --document-name AWS-RunShellScript --instance-ids "${ids[0]}" \
  --parameters '{"commands":["exit 3"]}' | json 'd["Command"]["CommandId"]')
if ssm wait command-executed --command-id "$bad" --instance-id "${ids[0]}" 2>/dev/null; then
  fail "wait command-executed succeeded for a command that exits 3"
fi
[ "$(ssm get-command-invocation --command-id "$bad" --instance-id "${ids[0]}" \
  | json 'd["ResponseCode"]')" = 3 ] || fail "exit code 3 not reported"

# Paged listing with details: one invocation per page, the CLI follows NextToken.
lists() { python3 -c 'import json,sys,urllib.request as u; s=json.load(u.urlopen(sys.argv[1]+"/_emulator/state")); print(sum(s["calls"].get("ListCommandInvocations", {}).values()))' "$SSM_ENDPOINT"; }
before=$(lists)
listed=$(ssm list-command-invocations --command-id "$cmd" --details --page-size 1)
[ $(( $(lists) - before )) -ge 3 ] || fail "the CLI did not page (fewer than 3 list calls)"
[ "$(json 'len(d["CommandInvocations"])' <<<"$listed")" = 3 ] || fail "list: $listed"
[ "$(json 'sorted(i["CommandPlugins"][0]["Output"] for i in d["CommandInvocations"])' \
  <<<"$listed")" = "$(python3 -c 'import sys; print(sorted("out-%s\n\n----------ERROR-------\nerr\n" % i for i in sys.argv[1:]))' "${ids[@]}")" ] \
  || fail "plugin output: $listed"

# Describe: all three, and a tag filter.
described=$(ssm describe-instance-information)
[ "$(json 'len(d["InstanceInformationList"])' <<<"$described")" = 3 ] || fail "describe: $described"
web=$(ssm describe-instance-information --filters Key=tag:Role,Values=web)
[ "$(json 'len(d["InstanceInformationList"])' <<<"$web")" = 2 ] || fail "tag filter: $web"

# Cancel a running command.
long=$(ssm send-command --document-name AWS-RunShellScript --instance-ids "${ids[1]}" \
  --parameters '{"commands":["sleep 60"]}' | json 'd["Command"]["CommandId"]')
ssm cancel-command --command-id "$long" >/dev/null
for _ in $(seq 1 100); do
  status=$(ssm get-command-invocation --command-id "$long" --instance-id "${ids[1]}" 2>/dev/null \
    | json 'd["Status"]' || echo missing)
  [ "$status" = Cancelled ] && break
  sleep 0.2
done
[ "$status" = Cancelled ] || fail "cancel: last status $status"
echo "cli-check ($cli): ok"
