#!/usr/bin/env python3
"""The benchmark's work done by boto3, for comparison: list every function through the given
endpoint (paginated) and fetch one function's detail bundle, sequentially as boto3 code does.

    scripts/bench_boto3.py --endpoint URL --function NAME --runs N
Prints one line per figure: "<name> <wall milliseconds per run> <CPU milliseconds per run>".
"""
import argparse
import time

import boto3
import botocore.config


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--function", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="bench", aws_secret_access_key="bench", region_name="us-east-1")
    lam = session.client("lambda", endpoint_url=args.endpoint,
                         config=botocore.config.Config(retries={"mode": "standard"}, max_pool_connections=10))

    def list_all():
        count = 0
        for page in lam.get_paginator("list_functions").paginate(PaginationConfig={"PageSize": 50}):
            count += len(page["Functions"])
        return count

    def bundle(name):
        lam.get_function(FunctionName=name)
        list(lam.get_paginator("list_versions_by_function").paginate(FunctionName=name))
        list(lam.get_paginator("list_aliases").paginate(FunctionName=name))
        list(lam.get_paginator("list_event_source_mappings").paginate(FunctionName=name))
        lam.get_function_concurrency(FunctionName=name)
        try:
            lam.get_function_url_config(FunctionName=name)
        except lam.exceptions.ResourceNotFoundException:
            pass

    list_all()
    bundle(args.function)  # warm up connections and botocore's caches
    for label, work in (("list", list_all), ("bundle", lambda: bundle(args.function))):
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.runs):
            work()
        wall = (time.perf_counter() - start) * 1000 / args.runs
        print(f"{label} {wall:.3f} {(time.process_time() - cpu) * 1000 / args.runs:.3f}", flush=True)


if __name__ == "__main__":
    main()
