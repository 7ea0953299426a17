"""boto3 against a running emulator: Parameter Store, {{ssm:}} references, CloudWatch Logs.

Covers put/get/versions/SecureString/describe/delete, a reference resolved at send time while the
command history keeps it, the agent's CloudWatch output read with filter_log_events (paginator)
and get_log_events, the Logs API's errors, the FilterLogEvents quota and an injected fault seen
through botocore. Needs SSM_ENDPOINT, INSTANCE_IDS and the AWS_* variables set by
../emulator-clients.sh. Exits 1 with a message on the first mismatch.
"""
import concurrent.futures
import os
import random
import sys
import time

import boto3
import botocore
from botocore.config import Config


def check(condition, message):
    if not condition:
        sys.exit("boto3-logs-params-check: FAIL: " + message)


def error_code(call, **kwargs):
    try:
        call(**kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


def main():
    endpoint = os.environ["SSM_ENDPOINT"]
    ssm = boto3.client("ssm", endpoint_url=endpoint)
    logs = boto3.client("logs", endpoint_url=endpoint)
    instance = os.environ["INSTANCE_IDS"].split(",")[0]
    run = "boto%d" % random.randrange(10**9)

    # Parameter Store.
    check(ssm.put_parameter(Name="/%s/p" % run, Value="v1", Type="String")["Version"] == 1, "put")
    check(error_code(ssm.put_parameter, Name="/%s/p" % run, Value="x", Type="String")
          == "ParameterAlreadyExists", "duplicate put")
    ssm.put_parameter(Name="/%s/p" % run, Value="from boto3", Overwrite=True)
    check(ssm.get_parameter(Name="/%s/p:1" % run)["Parameter"]["Value"] == "v1", "selector")
    ssm.put_parameter(Name="/%s/s" % run, Value="s3cr3t", Type="SecureString")
    check(ssm.get_parameter(Name="/%s/s" % run)["Parameter"]["Value"] != "s3cr3t", "encrypted")
    check(ssm.get_parameter(Name="/%s/s" % run, WithDecryption=True)["Parameter"]["Value"]
          == "s3cr3t", "decrypted")
    described = [p["Name"] for page in ssm.get_paginator("describe_parameters").paginate(
        ParameterFilters=[{"Key": "Path", "Values": ["/" + run]}],
        PaginationConfig={"PageSize": 1}) for p in page["Parameters"]]
    check(described == ["/%s/p" % run, "/%s/s" % run], "describe paginator: %r" % described)

    # {{ssm:}} at send time, CloudWatch output to the default group /aws/ssm/AWS-RunShellScript.
    command = ssm.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[instance],
        Parameters={"commands": ["echo '{{ssm:/%s/p}}'" % run, "echo two"]},
        CloudWatchOutputConfig={"CloudWatchOutputEnabled": True})["Command"]
    check(command["CloudWatchOutputConfig"]["CloudWatchOutputEnabled"] is True, "config echo")
    ssm.get_waiter("command_executed").wait(
        CommandId=command["CommandId"], InstanceId=instance,
        WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    out = ssm.get_command_invocation(CommandId=command["CommandId"], InstanceId=instance)
    check(out["StandardOutputContent"] == "from boto3\ntwo\n", "resolved: %r" % out)
    listed = ssm.list_commands(CommandId=command["CommandId"])["Commands"][0]
    check(listed["Parameters"]["commands"][0] == "echo '{{ssm:/%s/p}}'" % run, "history")
    group = "/aws/ssm/AWS-RunShellScript"
    messages = []
    for _ in range(100):  # the last events land shortly after the terminal status
        try:
            pages = logs.get_paginator("filter_log_events").paginate(
                logGroupName=group, logStreamNamePrefix=command["CommandId"] + "/")
            messages = [e["message"] for page in pages for e in page["events"]]
        except logs.exceptions.ResourceNotFoundException:
            messages = []
        if messages:
            break
        time.sleep(0.3)
    check("".join(messages) == "from boto3\ntwo", "filter_log_events: %r" % messages)
    streams = logs.describe_log_streams(
        logGroupName=group, logStreamNamePrefix=command["CommandId"] + "/")["logStreams"]
    check([s["logStreamName"].split("/")[-1] for s in streams] == ["stdout"], "streams")
    got = logs.get_log_events(logGroupName=group, logStreamName=streams[0]["logStreamName"],
                              startFromHead=True)
    again = logs.get_log_events(logGroupName=group, logStreamName=streams[0]["logStreamName"],
                                nextToken=got["nextForwardToken"])
    check(again["events"] == [] and again["nextForwardToken"] == got["nextForwardToken"],
          "forward token repeats at the end: %r" % again)

    # The Logs API's errors.
    logs.create_log_group(logGroupName="/" + run)
    check(error_code(logs.create_log_group, logGroupName="/" + run)
          == "ResourceAlreadyExistsException", "duplicate group")
    check(error_code(logs.create_log_group, logGroupName="bad name")
          == "InvalidParameterException", "bad name")
    check(error_code(logs.put_log_events, logGroupName="/" + run, logStreamName="none",
                     logEvents=[{"timestamp": int(time.time() * 1000), "message": "m"}])
          == "ResourceNotFoundException", "missing stream")

    # FilterLogEvents stays within 5 per second: a burst without retries gets throttled.
    no_retry = boto3.client("logs", endpoint_url=endpoint,
                            config=Config(retries={"max_attempts": 1, "mode": "standard"}))
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(pool.map(
            lambda _: error_code(no_retry.filter_log_events, logGroupName="/" + run), range(20)))
    check("ThrottlingException" in codes, "no throttling in a burst of 20: %r" % codes)
    logs.delete_log_group(logGroupName="/" + run)
    ssm.delete_parameter(Name="/%s/p" % run)
    check(error_code(ssm.delete_parameter, Name="/%s/p" % run) == "ParameterNotFound", "delete")
    print("boto3-logs-params-check: ok")


if __name__ == "__main__":
    main()
