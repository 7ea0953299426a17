"""boto3 against a running emulator: send, wait, output, paged list, describe, cancel.

Needs SSM_ENDPOINT, INSTANCE_IDS and the AWS_* variables set by ../emulator-clients.sh.
Exits 1 with a message on the first mismatch.
"""
import os
import sys
import time

import boto3
import botocore


def check(condition, message):
    if not condition:
        sys.exit("boto3-check: FAIL: " + message)


def main():
    ssm = boto3.client("ssm", endpoint_url=os.environ["SSM_ENDPOINT"])
    ids = os.environ["INSTANCE_IDS"].split(",")
    fast = {"Delay": 1, "MaxAttempts": 30}

    cmd = ssm.send_command(
        DocumentName="AWS-RunShellScript",
        InstanceIds=ids,
        Parameters={"commands": ["echo boto-$AWS_SSM_INSTANCE_ID", "exit 0"]},
    )["Command"]
    check(cmd["Status"] == "Pending" and cmd["MaxConcurrency"] == "50", "send: %r" % cmd)
    waiter = ssm.get_waiter("command_executed")
    for instance_id in ids:
        waiter.wait(CommandId=cmd["CommandId"], InstanceId=instance_id, WaiterConfig=fast)
        got = ssm.get_command_invocation(CommandId=cmd["CommandId"], InstanceId=instance_id)
        check(got["StandardOutputContent"] == "boto-%s\n" % instance_id, "get: %r" % got)
        check(got["ResponseCode"] == 0 and got["Status"] == "Success", "get: %r" % got)

    pages = ssm.get_paginator("list_command_invocations").paginate(
        CommandId=cmd["CommandId"], Details=True, PaginationConfig={"PageSize": 1})
    invocations = [inv for page in pages for inv in page["CommandInvocations"]]
    check(len(invocations) == 3, "paged list: %d invocations" % len(invocations))
    check(all(inv["CommandPlugins"][0]["ResponseCode"] == 0 for inv in invocations),
          "plugins: %r" % invocations)

    described = ssm.describe_instance_information(
        Filters=[{"Key": "PingStatus", "Values": ["Online"]}])["InstanceInformationList"]
    check(sorted(i["InstanceId"] for i in described) == sorted(ids), "describe: %r" % described)

    long_cmd = ssm.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[ids[2]],
        Parameters={"commands": ["sleep 60"]})["Command"]["CommandId"]
    ssm.cancel_command(CommandId=long_cmd)
    status = None
    for _ in range(100):
        try:
            status = ssm.get_command_invocation(
                CommandId=long_cmd, InstanceId=ids[2])["Status"]
        except botocore.exceptions.ClientError as e:
            check(e.response["Error"]["Code"] == "InvocationDoesNotExist", "cancel: %r" % e)
        if status == "Cancelled":
            break
        time.sleep(0.2)
    check(status == "Cancelled", "cancel: last status %r" % status)

    try:
        ssm.get_command_invocation(
            CommandId="12345678-1234-1234-1234-123456789012", InstanceId=ids[0])
        check(False, "unknown command answered")
    except botocore.exceptions.ClientError as e:
        check(e.response["Error"]["Code"] == "InvocationDoesNotExist", "error code: %r" % e)
    print("boto3-check: ok")


if __name__ == "__main__":
    main()
