#!/usr/bin/env python3
"""Measures incremental rebuild latency of `almakit serve`.

    python3 bench/serve_probe.py --almakit BIN --project DIR --page FILE [--edits 5]

Starts `almakit serve --project DIR --port P` on a free port, waits until it
answers HTTP, listens to its server-sent events on GET /__almakit/events, then
`--edits` times appends a sentence to FILE and measures the time from the
moment the write is on disk (file closed) to the `event: reload` line. That is
the whole loop a writer waits for: change detection + rebuild + notification.

Only run it when `almakit serve --help` succeeds (bench/run checks).
"""

import argparse
import http.client
import os
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"
EVENTS_PATH = "/__almakit/events"
# Generous limits: they only catch a serve that hangs. A slow rebuild is a
# result to report, not a reason to give up (2000 pages take about a minute
# on a busy 2-core machine).
STARTUP_TIMEOUT = 900   # seconds: serve builds the whole site before answering
RELOAD_TIMEOUT = 600    # seconds for one rebuild
QUIET_TIME = 1.5        # seconds between edits, so edits are not coalesced together


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_answering(port, server, log_path):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"serve: exited with status {server.returncode} before answering; its output:\n"
                     + open(log_path, errors="replace").read())
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"serve: no answer on port {port} after {STARTUP_TIMEOUT}s")


def listen(port, events, connected):
    """Reads the event stream, putting (arrival time, event name) on `events`.

    A name starting with '!' reports the stream's failure or end instead."""
    try:
        connection = http.client.HTTPConnection(HOST, port)  # no timeout: the stream idles
        connection.request("GET", EVENTS_PATH, headers={"Accept": "text/event-stream"})
        response = connection.getresponse()
        connected.set()
        if response.status != 200:
            events.put((time.perf_counter(), f"!GET {EVENTS_PATH} answered HTTP {response.status}"))
            return
        while True:
            line = response.readline()
            if not line:
                events.put((time.perf_counter(), "!the event stream was closed"))
                return
            # SSE field lines are `name: value` (the space is optional).
            field, _, value = line.decode("utf-8", "replace").rstrip("\r\n").partition(":")
            if field == "event":
                events.put((time.perf_counter(), value[1:] if value.startswith(" ") else value))
    except OSError as error:
        events.put((time.perf_counter(), f"!event stream: {error}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--almakit", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--page", required=True, help="the Markdown file to edit")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--log", default=None, help="where serve's output goes")
    args = parser.parse_args()

    port = free_port()
    log_path = args.log or os.path.join(args.project, "..", "serve.log")
    log = open(log_path, "wb")
    server = subprocess.Popen([args.almakit, "serve", "--project", args.project, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        started = time.perf_counter()
        wait_until_answering(port, server, log_path)
        print(f"serve: answering on port {port} after {time.perf_counter() - started:.2f}s (initial build)")

        events, connected = queue.Queue(), threading.Event()
        threading.Thread(target=listen, args=(port, events, connected), daemon=True).start()
        if not connected.wait(10):
            # Some servers send headers only with the first event; timing is unaffected.
            print("serve: event stream sent no headers yet, going on")

        latencies = []
        for edit in range(1, args.edits + 1):
            time.sleep(QUIET_TIME)
            while not events.empty():  # forget events from before this edit
                events.get_nowait()
            with open(args.page, "a", encoding="utf-8") as f:
                f.write(f"\nOne more sentence for benchmark edit {edit}.\n")
            written = time.perf_counter()
            deadline = written + RELOAD_TIMEOUT
            while True:
                try:
                    arrived, name = events.get(timeout=max(0.0, deadline - time.perf_counter()))
                except queue.Empty:
                    sys.exit(f"serve: no reload event within {RELOAD_TIMEOUT}s of edit {edit}; "
                             f"serve's output is in {log_path}")
                if name.startswith("!"):
                    sys.exit(f"serve: {name[1:]}; serve's output is in {log_path}")
                if name == "reload":
                    latencies.append(arrived - written)
                    break
        print("serve: write -> reload event: "
              + ", ".join(f"{1000 * t:.0f}" for t in latencies) + " ms"
              + f"; median {1000 * statistics.median(latencies):.0f} ms over {len(latencies)} edits")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


if __name__ == "__main__":
    main()
