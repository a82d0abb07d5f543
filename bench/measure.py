#!/usr/bin/env python3
"""Times almakit, the cmark floor and Hugo on the same corpus and prints the table.

    python3 bench/measure.py --work DIR --almakit BIN --project DIR --cmark-dir DIR
                             [--hugo-site DIR] [--runs 3] [--pages N]

Every run goes through `/usr/bin/time -v` for its peak resident set size and
CPU time. Wall time is taken by this script around that same process with a
monotonic clock, because `time -v` prints elapsed time in hundredths of a
second only, too coarse for the cmark floor; the two agree within the
millisecond or so that starting `time` itself costs. (`time -v`'s own figure is
kept in results.json.)

Rounds interleave the tools (almakit, cmark, hugo; almakit, cmark, hugo; ...)
so a slow moment of the machine does not land on one tool only. The median of
the runs is reported.

Each run writes into a folder of its own that did not exist before, and the
outputs are deleted only after the last round. Deleting a run's thousands of
files just before the next run would bill that cleanup to the next tool: ext4
(at least on this kind of machine) skips recently freed inodes when it
allocates new ones, so every file the next run creates scans past them. A
build right after `rm -rf` of the previous output spent half a second of
kernel time in `recently_deleted` creating 2,020 files, against 0.03 s into a
fresh folder.
"""

import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

# Targets from the performance brief.
TARGET_VS_CMARK = 3.0       # almakit wall <= 3x the libcmark floor
TARGET_VS_HUGO = 0.1        # almakit wall <= 1/10 of Hugo's
TARGET_MEMORY_MB = 200.0    # almakit peak RSS < 200 MB


class Tool:
    def __init__(self, name, argv, out_dir, cwd=None, stdout_path=None):
        self.name = name
        self.argv = argv                # "{out}" stands for the run's output folder
        self.out_dir = out_dir          # a new folder per run: out_dir + "-<run>"
        self.cwd = cwd
        self.stdout_path = stdout_path  # where the tool's stdout goes (cmark writes HTML there)
        self.runs = []                  # dicts: wall, time_v_wall, cpu, rss_kb
        self.error = None               # (exit status, verbatim output) of a failed run


def parse_time_v(text):
    """Peak RSS (KiB), user+sys CPU seconds and elapsed seconds from `time -v`."""
    def field(label):
        match = re.search(r"^\s*" + re.escape(label) + r".*?:\s*(\S+)\s*$", text, re.M)
        if not match:
            raise ValueError(f"'{label}' missing from /usr/bin/time output:\n{text}")
        return match.group(1)
    elapsed = 0.0
    for part in field("Elapsed (wall clock) time").split(":"):
        elapsed = elapsed * 60 + float(part)
    return {
        "rss_kb": int(field("Maximum resident set size")),
        "cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "time_v_wall": elapsed,
    }


def run_once(tool, work):
    out = f"{tool.out_dir}-{len(tool.runs) + 1}" if tool.out_dir else None
    if out:
        shutil.rmtree(out, ignore_errors=True)
    argv = [out if part == "{out}" else part for part in tool.argv]
    time_file = os.path.join(work, "time-v.txt")
    log_file = os.path.join(work, f"{tool.name.split()[0]}.log")
    with open(tool.stdout_path or log_file, "wb") as stdout, open(log_file + ".err", "wb") as stderr:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-v", "-o", time_file] + argv,
                               cwd=tool.cwd, stdout=stdout, stderr=stderr)
        wall = time.perf_counter() - start
    if code != 0:
        # Keep what the tool said (not cmark's HTML), to print it verbatim.
        output = ""
        for path in (log_file, log_file + ".err"):
            if path != tool.stdout_path and os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    output += f.read()
        tool.error = (code, output)
        return False
    with open(time_file, encoding="utf-8") as f:
        tool.runs.append({"wall": wall, **parse_time_v(f.read())})
    return True


def median(tool, key):
    return statistics.median(run[key] for run in tool.runs)


def megabytes(kib):
    return kib * 1024 / 1e6  # MB = 10^6 bytes, as in the 200 MB target


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", required=True)
    parser.add_argument("--almakit", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--cmark-dir", required=True)
    parser.add_argument("--hugo-site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, required=True)
    args = parser.parse_args()

    tools = [Tool("almakit build", [args.almakit, "build", "--project", args.project, "--out", "{out}"],
                  out_dir=os.path.join(args.work, "out-almakit"))]

    # The libcmark floor: one cmark process per core, each given its share of
    # the bodies as arguments (xargs -P), since almakit and Hugo use every
    # core too. Each CLI reads its files and renders them as one document to
    # stdout: a single process start per core, no per-file work beyond
    # reading, no templates, no link checks. A loop of one process per file
    # would mostly measure process starts, which is not a floor. Smart
    # punctuation is on, as in AlmaKit; cmark's default safe mode matches
    # AlmaKit's. The processes' HTML may interleave in the one output file,
    # which nothing reads. Relative paths keep the command line short (cwd is
    # the bodies' folder).
    bodies = sorted(os.path.relpath(p, args.cmark_dir)
                    for p in glob.glob(os.path.join(args.cmark_dir, "**", "*.md"), recursive=True))
    cores = os.cpu_count() or 1
    body_list = os.path.join(args.work, "cmark-bodies.txt")
    with open(body_list, "w", encoding="utf-8") as f:
        f.write("\0".join(bodies))
    tools.append(Tool("cmark (libcmark floor)",
                      # -s: xargs's default command line (128 KiB) holds only about
                      # 5,000 paths, past which it would start more processes than cores.
                      ["xargs", "-0", "-a", body_list, "-P", str(cores), "-n", str(-(-len(bodies) // cores)),
                       "-s", str(os.sysconf("SC_ARG_MAX") // 2), "cmark", "--smart"],
                      out_dir=None, cwd=args.cmark_dir, stdout_path=os.path.join(args.work, "out-cmark.html")))

    hugo_version = None
    if args.hugo_site:
        hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
        match = re.search(r"v(\d+\.\d+\.\d+)", hugo_version)
        hugo_version = match.group(1) if match else "?"
        # --quiet: Hugo's build summary is not part of the work being compared.
        tools.append(Tool(f"hugo {hugo_version}", ["hugo", "--quiet", "--source", args.hugo_site,
                                                  "--destination", "{out}"],
                          out_dir=os.path.join(args.work, "out-hugo")))

    # Other work on the machine (a compiler, a test run) slows the tools
    # unevenly; say so next to the figures rather than hide it.
    load = os.getloadavg()[0]
    print(f"machine: {cores} cores, load average {load:.1f} before timing"
          + ("  (busy: figures will be noisy)" if load > cores / 2 else ""))

    for round_number in range(1, args.runs + 1):
        print(f"round {round_number}/{args.runs}:", end="", flush=True)
        for tool in tools:
            if tool.error is None and run_once(tool, args.work):
                print(f"  {tool.name.split()[0]} {tool.runs[-1]['wall']:.3f}s", end="", flush=True)
        print()

    # Only now (see the module's docstring); the last run's output stays.
    for tool in tools:
        for run in range(1, len(tool.runs)) if tool.out_dir else []:
            shutil.rmtree(f"{tool.out_dir}-{run}", ignore_errors=True)

    almakit, cmark = tools[0], tools[1]
    hugo = tools[2] if len(tools) > 2 else None
    for tool in tools:
        if tool.error:
            code, output = tool.error
            print(f"\n{tool.name} FAILED with exit status {code}; its output, verbatim:")
            print(output.rstrip())

    print()
    print(f"{args.pages} pages per language ({2 * args.pages} pages), "
          f"median of {args.runs} runs, peak memory = highest maximum resident set size of the runs")
    print(f"{'tool':<26}{'wall (median)':>14}{'CPU user+sys':>14}{'peak memory':>13}")
    for tool in tools:
        if tool.error or not tool.runs:
            print(f"{tool.name:<26}{'FAILED':>14}")
            continue
        print(f"{tool.name:<26}{median(tool, 'wall'):>12.3f} s{median(tool, 'cpu'):>12.3f} s"
              f"{megabytes(max(r['rss_kb'] for r in tool.runs)):>10.1f} MB")
    if not hugo:
        print(f"{'hugo':<26}{'not installed, skipped':>14}")

    def ok(tool):
        return tool is not None and tool.error is None and tool.runs

    ratio_cmark = median(almakit, "wall") / median(cmark, "wall") if ok(almakit) and ok(cmark) else None
    ratio_hugo = median(almakit, "wall") / median(hugo, "wall") if ok(almakit) and ok(hugo) else None
    print()
    print("ratios (wall time): "
          f"almakit/cmark = {f'{ratio_cmark:.2f}x' if ratio_cmark else 'n/a'}, "
          f"almakit/hugo = {f'{ratio_hugo:.3f}x' if ratio_hugo else 'n/a'}")

    def verdict(passed):
        return "n/a " if passed is None else ("PASS" if passed else "FAIL")

    peak_mb = megabytes(max(r["rss_kb"] for r in almakit.runs)) if ok(almakit) else None
    print("targets:")
    targets = [
        (None if ratio_cmark is None else ratio_cmark <= TARGET_VS_CMARK,
         "almakit wall <= 3x cmark floor", f"{ratio_cmark:.2f}x" if ratio_cmark else "n/a"),
        (None if ratio_hugo is None else ratio_hugo <= TARGET_VS_HUGO,
         "almakit wall <= 1/10 of hugo", f"{ratio_hugo:.3f}x" if ratio_hugo else "n/a"),
        (None if peak_mb is None else peak_mb < TARGET_MEMORY_MB,
         "almakit peak memory < 200 MB", f"{peak_mb:.1f} MB" if peak_mb else "n/a"),
    ]
    for passed, label, actual in targets:
        print(f"  {verdict(passed)}  {label:<32}(is {actual})")

    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({t.name: {"argv": t.argv, "runs": t.runs, "error": t.error} for t in tools}, f, indent=2)
    return 1 if almakit.error else 0


if __name__ == "__main__":
    sys.exit(main())
