"""What botocore (the AWS CLI's core) makes of a set of files and environment variables.

Reads a JSON list of cases on standard input, each {"environment": {...}, "profile": NAME or
null (as --profile), "region": NAME or null (as --region)}; prints a JSON list of answers:
the profile and region in use, the credentials found (their access key, or the STS call that
would fetch them: operation and endpoint, stopped before it is sent), the Lambda and Logs
endpoints, or the error botocore raises. Nothing leaves the machine: every API call is stopped.
"""
import json
import os
import sys

import botocore.client
import botocore.config
import botocore.session


class Stopped(Exception):
    pass


calls = []


def stop(self, operation, params):
    calls.append({"operation": operation, "endpoint": self.meta.endpoint_url})
    raise Stopped()


botocore.client.BaseClient._make_api_call = stop


def answer(case):
    os.environ.clear()
    os.environ.update(case["environment"])
    calls.clear()
    out = {}
    try:
        session = botocore.session.Session(profile=case.get("profile"))
        if case.get("region"):
            session.set_config_variable("region", case["region"])
        out["profile"] = session.profile or "default"
        out["region"] = session.get_config_variable("region")
        for service, name in (("lambda", "lambda"), ("logs", "logs")):
            try:
                client = session.create_client(name, region_name=out["region"], aws_access_key_id="a", aws_secret_access_key="b",
                                               endpoint_url=case.get("endpoint_url"))
                out[service] = client.meta.endpoint_url
            except Exception as error:
                out[service] = "error"
        try:
            credentials = session.get_credentials()
            out["credentials"] = None if credentials is None else {"key": credentials.get_frozen_credentials().access_key}
        except Stopped:
            out["credentials"] = {"stoppedAt": calls[-1]}
    except Exception as error:
        out["error"] = "%s: %s" % (type(error).__name__, error)
    return out


print(json.dumps([answer(case) for case in json.load(sys.stdin)]))
