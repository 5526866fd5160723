#!/usr/bin/env python3
"""Seeds a moto server with a Lambda estate that looks like a real company's: teams, runtimes,
published versions, weighted aliases, SQS/Kinesis/DynamoDB event source mappings, tags, and
log groups with START/END/REPORT and error lines.

    scripts/seed_demo.py --endpoint http://127.0.0.1:PORT [--functions 160]
"""
import argparse
import io
import random
import time
import uuid
import zipfile

import boto3

TEAMS = {
    "payments": ["charge-card", "refund", "ledger-sync", "invoice-render", "fraud-score", "payout", "webhook-stripe",
                 "currency-rates", "receipt-mailer", "dispute-handler", "settlement-report", "tax-calc"],
    "search": ["index-builder", "query-api", "autocomplete", "reindex-worker", "synonyms-sync", "ranking-train",
               "crawler", "spellcheck", "facets", "click-logger"],
    "identity": ["login", "token-refresh", "mfa-verify", "password-reset", "session-reaper", "scim-sync",
                 "oauth-callback", "audit-export", "jwks-rotate"],
    "notifications": ["email-send", "sms-send", "push-fanout", "digest-builder", "bounce-handler", "template-render",
                      "unsubscribe", "preference-sync"],
    "analytics": ["events-ingest", "sessionizer", "daily-rollup", "funnel-report", "export-s3", "schema-check",
                  "cohort-builder", "anomaly-detect", "dashboard-cache"],
    "growth": ["referral-credit", "coupon-apply", "experiment-assign", "landing-render", "signup-enrich",
               "churn-predict", "nps-collect"],
    "platform": ["log-shipper", "secrets-rotate", "cost-report", "tag-enforcer", "dns-sync", "backup-verify",
                 "cert-renew", "canary-probe", "config-drift", "ami-cleanup"],
    "media": ["thumbnail", "transcode-start", "transcode-done", "exif-strip", "cdn-purge", "watermark",
              "upload-scan", "caption-gen"],
}
RUNTIMES = ["python3.12", "python3.13", "nodejs20.x", "nodejs22.x", "java21", "provided.al2023", "ruby3.3", "dotnet8",
            "python3.11"]
HANDLERS = {"java21": "com.example.Handler::handleRequest", "provided.al2023": "bootstrap", "dotnet8": "App::App.Function::Handler"}
ROLE_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'


def code_zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", f"def handler(event, context):\n    print('{name}', event)\n    return event\n")
    return buffer.getvalue()


def log_lines(function: str, version: str, rng: random.Random, start_ms: int):
    """A few invocations' worth of log events: START, app lines, END, REPORT."""
    events = []
    now = start_ms
    for _ in range(rng.randint(3, 8)):
        request = str(uuid.UUID(int=rng.getrandbits(128)))
        events.append((now, f"START RequestId: {request} Version: {version}"))
        now += rng.randint(1, 5)
        for _ in range(rng.randint(1, 4)):
            level = rng.choices(["INFO", "INFO", "INFO", "WARN", "ERROR"])[0]
            text = {"INFO": f"processed order {rng.randint(1000, 9999)}", "WARN": "retrying downstream call (attempt 2)",
                    "ERROR": "Task timed out talking to payments-db: connection reset"}[level]
            events.append((now, f"[{level}]\t{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(now / 1000))}Z\t{request}\t{text}"))
            now += rng.randint(1, 40)
        duration = rng.uniform(2, 900)
        events.append((now, f"END RequestId: {request}"))
        events.append((now, f"REPORT RequestId: {request}\tDuration: {duration:.2f} ms\tBilled Duration: {int(duration) + 1} ms\t"
                            f"Memory Size: 512 MB\tMax Memory Used: {rng.randint(60, 400)} MB"
                            + (f"\tInit Duration: {rng.uniform(100, 900):.2f} ms" if rng.random() < 0.2 else "")))
        now += rng.randint(500, 60000)
    return events


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--functions", type=int, default=160)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="demo", aws_secret_access_key="demo", region_name=args.region)
    client = lambda service: session.client(service, endpoint_url=args.endpoint)
    iam, lam, logs, sqs, kinesis, dynamodb = (client(s) for s in ("iam", "lambda", "logs", "sqs", "kinesis", "dynamodb"))
    rng = random.Random(42)

    role = iam.create_role(RoleName="demo-lambda-role", AssumeRolePolicyDocument=ROLE_POLICY)["Role"]["Arn"]
    names = [f"{team}-{job}" for team, jobs in TEAMS.items() for job in jobs]
    suffixes = ["", "-v2", "-eu", "-batch", "-replay"]
    while len(names) < args.functions:
        base = rng.choice(names[: len(TEAMS) * 6])
        candidate = base + rng.choice(suffixes[1:])
        if candidate not in names:
            names.append(candidate)
    names = names[: args.functions]

    created = []
    for index, name in enumerate(names):
        team = name.split("-")[0]
        runtime = RUNTIMES[index % len(RUNTIMES)]
        stage = "prod" if index % 4 else "staging"
        lam.create_function(
            FunctionName=name, Runtime=runtime, Role=role, Handler=HANDLERS.get(runtime, "index.handler"),
            Code={"ZipFile": code_zip(name)}, Description=f"{team}: {name.split('-', 1)[1].replace('-', ' ')}",
            Timeout=rng.choice([3, 10, 30, 60, 300, 900]), MemorySize=rng.choice([128, 256, 512, 1024, 1769, 3008]),
            Architectures=[rng.choice(["x86_64", "arm64"])],
            Environment={"Variables": {"STAGE": stage, "TEAM": team, "DB_PASSWORD": f"s3cr3t-{rng.randint(1000, 9999)}",
                                       "API_TOKEN": uuid.UUID(int=rng.getrandbits(128)).hex}},
            Tags={"team": team, "env": stage, "cost-center": f"cc-{100 + index % 7}"},
            TracingConfig={"Mode": "Active" if index % 3 == 0 else "PassThrough"},
        )
        created.append(name)

    # Versions and aliases on a third of the functions, a weighted canary on some.
    for name in created[::3]:
        versions = []
        for number in range(rng.randint(2, 4)):
            lam.update_function_configuration(FunctionName=name, Description=f"release {number + 1}")
            versions.append(lam.publish_version(FunctionName=name, Description=f"release {number + 1}")["Version"])
        routing = {}
        if len(versions) >= 2 and rng.random() < 0.6:
            routing = {"AdditionalVersionWeights": {versions[-1]: rng.choice([0.05, 0.1, 0.25, 0.5])}}
        lam.create_alias(FunctionName=name, Name="live", FunctionVersion=versions[-2] if routing else versions[-1],
                         Description="production traffic", RoutingConfig=routing)
        lam.create_alias(FunctionName=name, Name="staging", FunctionVersion=versions[-1], Description="pre-release")

    # Event source mappings: SQS queues, a Kinesis stream, a DynamoDB stream.
    for index, name in enumerate(created[1:40:4]):
        queue = sqs.create_queue(QueueName=f"{name}-queue")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        lam.create_event_source_mapping(EventSourceArn=arn, FunctionName=name, BatchSize=rng.choice([1, 10, 100]),
                                        Enabled=index % 3 != 0)
    kinesis.create_stream(StreamName="analytics-clickstream", ShardCount=2)
    stream = kinesis.describe_stream(StreamName="analytics-clickstream")["StreamDescription"]["StreamARN"]
    for name in [n for n in created if n.startswith("analytics-")][:3]:
        lam.create_event_source_mapping(EventSourceArn=stream, FunctionName=name, BatchSize=100, StartingPosition="LATEST")
    table = dynamodb.create_table(
        TableName="payments-ledger", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
    stream = table["TableDescription"]["LatestStreamArn"]
    for name in [n for n in created if n.startswith("payments-")][:2]:
        lam.create_event_source_mapping(EventSourceArn=stream, FunctionName=name, BatchSize=50, StartingPosition="TRIM_HORIZON")

    # Logs for the first 40 functions: two or three streams each, the newest an hour old at most.
    now_ms = int(time.time() * 1000)
    for name in created[:40]:
        group = f"/aws/lambda/{name}"
        logs.create_log_group(logGroupName=group)
        for stream_index in range(rng.randint(2, 3)):
            version = rng.choice(["$LATEST", "1", "2"])
            day = time.strftime("%Y/%m/%d", time.gmtime(now_ms / 1000))
            stream_name = f"{day}/[{version}]{uuid.UUID(int=rng.getrandbits(128)).hex}"
            logs.create_log_stream(logGroupName=group, logStreamName=stream_name)
            start = now_ms - rng.randint(60_000, 3_600_000) - stream_index * 600_000
            events = [{"timestamp": ts, "message": text} for ts, text in log_lines(name, version, rng, start)]
            logs.put_log_events(logGroupName=group, logStreamName=stream_name, logEvents=events)

    print(f"seeded {len(created)} functions, versions and aliases on {len(created[::3])}, logs for 40")


if __name__ == "__main__":
    main()
