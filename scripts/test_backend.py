#!/usr/bin/env python3
"""Loopback backend for lambda-tui's tests, benchmarks and demo.

Runs, in one process:
  * a moto server (the AWS APIs), and
  * a fault server that answers from per-lane scripts and otherwise forwards to moto.

Prints "READY <moto-port> <fault-port>" once both listen, then serves until its standard input
closes, so that it never outlives the process that started it.

Fault server: a client uses http://127.0.0.1:<fault-port>/<lane> as its endpoint, where <lane>
is any name a test picks, so that tests running in parallel do not share scripts.
  POST /__script/<lane>    JSON list of steps, each answering one request in order:
                           {"status": 429, "headers": {...}, "body": "...", "delay": 1.5}
                           {"drop": true}                 close the connection without answering
                           {"forward": true}              pass this one to moto
                           {"match": {"method": "PUT", "path": "/configuration"}, ...}: this step
                           waits for the first request with that method whose path contains that
                           text (and, with "target", whose X-Amz-Target contains that text;
                           with "region", whose signature's credential scope names that region);
                           other requests pass it by
  GET  /__requests/<lane>  JSON list of the requests seen: method, path, headers, body
  POST /__paginate/<lane>  {"member": "Functions", "path": "/2015-03-31/functions/"}: from then on,
                           GET answers on that path are cut into pages by Marker and MaxItems
                           (default 50) with NextMarker, as the Lambda API documents and moto
                           does not do. Other requests on the lane pass through unchanged.
  POST /__estate/<lane>    {"count": 20000, "prefix": "estate"}: ListFunctions on the lane answers, in
                           pages as above, from that many made-up functions shaped as AWS lists
                           them (environment, layers, VPC, logging), without moto: the scale
                           benchmarks' estates of 50,000 would take moto hours to create.
                           With "onePage": true, all of them in one answer, as moto sends its list.
  POST /__metrics/<lane>   {"partial": false, "busy": false}: CloudWatch GetMetricData on the lane is answered from a
                           made-up but steady world (see `metric_value`), every statistic moto lacks
                           included (p50/p90/p99), timestamps newest first as CloudWatch sends them,
                           queries of a function whose name holds "fail" erroring, "throttle"
                           throttled. With "partial": true each result comes in two pages, the
                           first marked PartialData with a NextToken, as the reference describes.
  POST /__latency/<lane>   {"seconds": 0.05}: every request on the lane waits that long first, as a
                           network round trip would (requests in flight together wait together).
Requests with no step left are forwarded to moto with the lane stripped from the path.
A step's "body_b64" sends bytes (an event stream, say) instead of "body" text; "chunks_b64", a list,
sends them as chunks "pause" seconds apart, as a stream that stays open a while.
"""
import argparse
import base64
import http.client
import json
import math
import socket
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.server import ThreadedMotoServer

LOCK = threading.Lock()
SCRIPTS: dict[str, list] = {}
SEEN: dict[str, list] = {}
PAGINATE: dict[str, str] = {}
LISTINGS: dict[str, list] = {}
LATENCY: dict[str, float] = {}
ESTATES: set[str] = set()
ONE_PAGE: set[str] = set()
METRICS: dict[str, dict] = {}
MOTO_PORT = 0


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: tests read their own output
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def setup(self):
        super().setup()
        # One write per answer and no Nagle delay: otherwise every keep-alive answer waits 40 ms
        # for the client's delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _reply(self, status: int, body: bytes, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self._headers_buffer.append(b"\r\n")
        self.wfile.write(b"".join(self._headers_buffer) + body)
        self._headers_buffer = []

    def _reply_chunked(self, status: int, chunks: list, pause: float, headers=None):
        """An answer that arrives piece by piece, as an event stream does, ending after the last."""
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        for index, chunk in enumerate(chunks):
            if index:
                time.sleep(pause)
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _handle(self):
        body = self._body()
        parts = self.path.split("/", 2)
        if parts[1] == "__script":
            with LOCK:
                SCRIPTS[parts[2]] = json.loads(body or b"[]")
                SEEN[parts[2]] = []
            return self._reply(204, b"")
        if parts[1] == "__paginate":
            with LOCK:
                settings = json.loads(body)
                PAGINATE[parts[2]] = (settings["member"], settings.get("path", "/2015-03-31/functions/"))
            return self._reply(204, b"")
        if parts[1] == "__estate":
            settings = json.loads(body)
            items = estate(int(settings["count"]), settings.get("prefix", "estate"))
            with LOCK:
                LISTINGS[parts[2]] = items
                PAGINATE[parts[2]] = ("Functions", "/2015-03-31/functions/")
                ESTATES.add(parts[2])
                if settings.get("onePage"):
                    ONE_PAGE.add(parts[2])
            return self._reply(204, b"")
        if parts[1] == "__metrics":
            with LOCK:
                METRICS[parts[2]] = json.loads(body or b"{}")
            return self._reply(204, b"")
        if parts[1] == "__latency":
            with LOCK:
                LATENCY[parts[2]] = float(json.loads(body)["seconds"])
            return self._reply(204, b"")
        if parts[1] == "__requests":
            with LOCK:
                seen = list(SEEN.get(parts[2], []))
            return self._reply(200, json.dumps(seen).encode(), {"Content-Type": "application/json"})

        lane = parts[1]
        rest = "/" + (parts[2] if len(parts) > 2 else "")
        with LOCK:
            SEEN.setdefault(lane, []).append({
                "method": self.command, "path": rest,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
                "peer": self.client_address[1],
            })
            script = SCRIPTS.get(lane) or []
            step = {"forward": True}
            for index, candidate in enumerate(script):
                match = candidate.get("match")
                # "region": the request's SigV4 credential scope names that region.
                scope = "/%s/" % match["region"] if match and "region" in match else ""
                if match is None or (match.get("method", self.command) == self.command and match.get("path", "") in rest
                                     and match.get("target", "") in self.headers.get("X-Amz-Target", "")
                                     and scope in self.headers.get("Authorization", "")):
                    step = script.pop(index)
                    break
            latency = LATENCY.get(lane, 0)
            metrics = METRICS.get(lane)
        if metrics is not None and step.get("forward") and "GetMetricData" in self.headers.get("X-Amz-Target", ""):
            return self._reply(200, json.dumps(metric_data(json.loads(body), metrics)).encode(),
                               {"Content-Type": "application/x-amz-json-1.0"})
        if latency:
            time.sleep(latency)
        if step.get("delay"):
            time.sleep(step["delay"])
        if step.get("drop"):
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if step.get("forward"):
            member, paged_path = PAGINATE.get(lane, (None, None))
            # "/functions/" (the reference) and "/functions" (botocore) are the same listing.
            if self.command != "GET" or urllib.parse.urlsplit(rest).path.rstrip("/") != (paged_path or "").rstrip("/"):
                member = None
            if member and ("Marker=" in rest or lane in ESTATES) and lane in LISTINGS:
                # Later pages of a listing come from the list read for its first page, as a
                # marker into one consistent listing would.
                return self._reply(200, self._page(rest, LISTINGS[lane], member, lane), {"Content-Type": "application/json"})
            return self._forward(rest, body, member, lane)
        if "chunks_b64" in step:
            return self._reply_chunked(step.get("status", 200), [base64.b64decode(c) for c in step["chunks_b64"]],
                                       step.get("pause", 0), step.get("headers"))
        if "body_b64" in step:
            data = base64.b64decode(step["body_b64"])
        else:
            payload = step.get("body", "")
            data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self._reply(step.get("status", 200), data, step.get("headers"))

    def _forward(self, path: str, body: bytes, paginate=None, lane=None):
        connection = http.client.HTTPConnection("127.0.0.1", MOTO_PORT, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        headers["Host"] = f"127.0.0.1:{MOTO_PORT}"
        connection.request(self.command, path, body=body or None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if paginate and response.status == 200:
            items = json.loads(data).get(paginate) or []
            with LOCK:
                LISTINGS[lane] = items
            data = self._page(path, items, paginate, lane)
        passed = {k: v for k, v in response.getheaders()
                  if k.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date")}
        self._reply(response.status, data, passed)
        connection.close()

    @staticmethod
    def _page(path: str, items: list, member: str, lane: str) -> bytes:
        """One page of the list in `member`: Marker is the index to start at, MaxItems the size."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
        start = int(query.get("Marker", ["0"])[0])
        size = len(items) if lane in ONE_PAGE else int(query.get("MaxItems", ["50"])[0])
        document = {member: items[start:start + size]}
        if start + size < len(items):
            document["NextMarker"] = str(start + size)
        return json.dumps(document).encode()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle


def metric_value(metric: str, stat: str, dimensions: dict, period: int, at: int, busy: bool = False) -> float:
    """A steady made-up value: each function its own traffic (from a hash of its name), a slow wave
    over time, errors where the name holds "fail", throttles where it holds "throttle"; with
    `busy` (the demo), also one function in eight erroring and one in ten throttled."""
    name = dimensions.get("FunctionName", "account")
    # Each version and alias its own traffic, a share of the function's.
    seed = zlib.crc32((name + dimensions.get("Resource", "") + dimensions.get("ExecutedVersion", "")).encode())
    per_minute = 10 + seed % 90
    wave = 1 + 0.5 * math.sin(at / 1800 + seed % 7)
    minutes = period / 60
    duration = 100 + seed % 400
    if metric == "Invocations":
        return round(per_minute * wave * minutes)
    base = zlib.crc32(name.encode())
    if metric == "Errors":
        return round(per_minute * wave * minutes / 10) if "fail" in name or (busy and base % 8 == 3) else 0
    if metric == "Throttles":
        return round(per_minute * minutes / 20) if "throttle" in name or (busy and base % 10 == 7) else 0
    if metric == "Duration":
        factor = {"p50": 1, "p90": 1.6, "p99": 2.5, "Maximum": 4, "Average": 1.1, "Minimum": 0.3}.get(stat)
        if factor is None:
            return duration * wave * per_minute * minutes if stat == "Sum" else per_minute * minutes
        return round(duration * factor * wave, 1)
    if metric in ("ConcurrentExecutions", "ClaimedAccountConcurrency"):
        return round(per_minute * wave / 6)
    return 0


def metric_data(request: dict, settings: dict) -> dict:
    start, end = int(request["StartTime"]), int(request["EndTime"])
    token = request.get("NextToken")
    results = []
    for query in request.get("MetricDataQueries", []):
        stat = query["MetricStat"]
        metric = stat["Metric"]
        dimensions = {d["Name"]: d["Value"] for d in metric.get("Dimensions", [])}
        period = int(stat["Period"])
        first = start - start % period
        times = list(range(first, end, period))[::-1]  # newest first
        values = [metric_value(metric["MetricName"], stat["Stat"], dimensions, period, t, settings.get("busy", False)) for t in times]
        status = "Complete"
        if settings.get("partial"):
            half = len(times) // 2
            if token is None:
                times, values, status = times[:half], values[:half], "PartialData"
            else:
                times, values = times[half:], values[half:]
        results.append({"Id": query["Id"], "Label": metric["MetricName"], "Timestamps": times, "Values": values, "StatusCode": status})
    answer = {"MetricDataResults": results, "Messages": []}
    if settings.get("partial") and token is None:
        answer["NextToken"] = "second-half"
    return answer


def estate(count: int, prefix: str) -> list:
    """`count` functions as ListFunctions returns them, about 1.3 KB each, all different."""
    teams = ["payments", "search", "identity", "media", "growth", "platform", "analytics"]
    runtimes = ["python3.12", "python3.13", "nodejs20.x", "nodejs22.x", "java21", "provided.al2023"]
    account = "123456789012"
    items = []
    for index in range(count):
        team = teams[index % len(teams)]
        name = f"{prefix}-{team}-{index:05d}"
        items.append({
            "FunctionName": name,
            "FunctionArn": f"arn:aws:lambda:us-east-1:{account}:function:{name}",
            "Runtime": runtimes[index % len(runtimes)],
            "Role": f"arn:aws:iam::{account}:role/{team}-lambda-role",
            "Handler": "app.handler",
            "CodeSize": 1000 + index * 37,
            "Description": f"{team} function number {index}",
            "Timeout": [3, 10, 30, 60, 900][index % 5],
            "MemorySize": [128, 256, 512, 1024, 1769][index % 5],
            "LastModified": time.strftime("%Y-%m-%dT%H:%M:%S.000+0000", time.gmtime(1780000000 - index * 60)),
            "CodeSha256": base64.b64encode(index.to_bytes(32, "big")).decode(),
            "Version": "$LATEST",
            "VpcConfig": {"SubnetIds": [f"subnet-{index:017x}"], "SecurityGroupIds": [f"sg-{index:017x}"], "VpcId": "vpc-0a1b2c3d"},
            "Environment": {"Variables": {"STAGE": "prod", "TABLE": f"{team}-table-{index}", "LOG_LEVEL": "info"}},
            "TracingConfig": {"Mode": "PassThrough"},
            "RevisionId": f"{index:08x}-0000-4000-8000-000000000000",
            "Layers": [{"Arn": f"arn:aws:lambda:us-east-1:{account}:layer:{team}-common:{index % 9 + 1}", "CodeSize": 52000}],
            "PackageType": "Zip",
            "Architectures": ["arm64" if index % 3 == 0 else "x86_64"],
            "EphemeralStorage": {"Size": 512},
            "SnapStart": {"ApplyOn": "None", "OptimizationStatus": "Off"},
            "LoggingConfig": {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{name}"},
        })
    return items


def main():
    global MOTO_PORT
    parser = argparse.ArgumentParser()
    parser.add_argument("--moto-port", type=int, default=0)
    parser.add_argument("--fault-port", type=int, default=0)
    parser.add_argument("--forever", action="store_true", help="ignore standard input; run until killed")
    args = parser.parse_args()

    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=args.moto_port, verbose=False)
    moto.start()
    MOTO_PORT = moto.get_host_and_port()[1]
    # moto keeps Lambda functions in a Docker-free store only when told so before any is created.
    connection = http.client.HTTPConnection("127.0.0.1", MOTO_PORT)
    connection.request("POST", "/moto-api/config", body=json.dumps({"lambda": {"use_docker": False}}),
                       headers={"Content-Type": "application/json"})
    connection.getresponse().read()

    faults = ThreadingHTTPServer(("127.0.0.1", args.fault_port), FaultHandler)
    faults.daemon_threads = True
    threading.Thread(target=faults.serve_forever, daemon=True).start()

    print(f"READY {MOTO_PORT} {faults.server_address[1]}", flush=True)
    if args.forever:
        threading.Event().wait()
    else:
        sys.stdin.read()  # returns when the parent closes the pipe or dies


if __name__ == "__main__":
    main()
