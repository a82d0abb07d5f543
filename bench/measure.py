#!/usr/bin/env python3
"""Times almakit, the cmark floor, cp -r and Hugo on the same corpus and prints the table.

    python3 bench/measure.py --work DIR --almakit BIN --project DIR --cmark-dir DIR
                             [--hugo-site DIR] [--hugo-skipped REASON] [--runs 3] [--pages N]

Every run goes through `/usr/bin/time -v` for its user and system CPU time and
its peak resident set size. Wall time is taken by this script around that same
process with a monotonic clock, because `time -v` prints elapsed time in
hundredths of a second only, too coarse for the cmark floor; the two agree
within the millisecond or so that starting `time` itself costs. (`time -v`'s
own figure is kept in results.json.)

`time -v` reports what wait4() returns for its child, and a process's rusage
counts the children it waited for. So for the cmark floor, timed as one
`xargs -P` process, the user and system times are the sums over every cmark
process (xargs waits for each), and the peak memory is the largest single
process's, not a sum. Checked on 2x1,000 pages: `time -v xargs -P 2 ...`
said 0.75 s user; each cmark process timed inside xargs (`xargs ... time
cmark`) said 0.40 and 0.36 s.

Rounds interleave the tools (almakit, cmark, cp -r, hugo; almakit, ...) so a
slow moment of the machine does not land on one tool only. The median of the
runs is reported; the floor is the median cmark wall time plus the median
cp -r wall time.

Each run writes into a folder of its own that did not exist before, and the
outputs are deleted only after the last round. Deleting a run's thousands of
files just before the next run would bill that cleanup to the next tool: ext4
(at least on this kind of machine) skips recently freed inodes when it
allocates new ones, so every file the next run creates scans past them. A
build right after `rm -rf` of the previous output spent half a second of
kernel time in `recently_deleted` creating 2,020 files, against 0.03 s into a
fresh folder. cp -r follows the same rule: it copies the output almakit wrote
in the same round (or, if that run failed, the latest one there is) into a new
folder.
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

# Targets (issue 14, finding 7).
TARGET_USER_VS_CMARK = 3.0   # almakit user CPU <= 3x the cmark floor's user CPU
TARGET_WALL_VS_FLOOR = 1.25  # almakit wall <= 1.25x (cmark wall + cp -r wall)
TARGET_WALL_VS_HUGO = 0.2    # almakit wall <= 1/5 of Hugo's
# Peak RSS targets by pages per language. There is none for other sizes: the
# figure is printed without a verdict rather than against an invented limit.
TARGET_MEMORY_MB = {1000: 120.0, 5000: 200.0}


class Tool:
    def __init__(self, name, argv, out_dir, cwd=None, stdout_path=None, source=None):
        self.name = name
        self.argv = argv                # "{out}" stands for the run's output folder, "{src}" for source()
        self.out_dir = out_dir          # a new folder per run: out_dir + "-<round>"
        self.cwd = cwd
        self.stdout_path = stdout_path  # where the tool's stdout goes (cmark writes HTML there)
        self.source = source            # callable giving "{src}", or None when there is none yet
        self.runs = []                  # dicts: round, wall, time_v_wall, user, sys, rss_kb, out, src
        self.error = None               # (exit status, verbatim output) of a failed run

    @property
    def short(self):
        return self.name.split(" (")[0]


def parse_time_v(text):
    """User and system CPU seconds, peak RSS (KiB) and elapsed seconds from `time -v`."""
    def field(label):
        match = re.search(r"^\s*" + re.escape(label) + r".*?:\s*(\S+)\s*$", text, re.M)
        if not match:
            raise ValueError(f"'{label}' missing from /usr/bin/time output:\n{text}")
        return match.group(1)
    elapsed = 0.0
    for part in field("Elapsed (wall clock) time").split(":"):
        elapsed = elapsed * 60 + float(part)
    return {
        "user": float(field("User time (seconds)")),
        "sys": float(field("System time (seconds)")),
        "rss_kb": int(field("Maximum resident set size")),
        "time_v_wall": elapsed,
    }


def run_once(tool, work, round_number):
    """One timed run; False (and tool.error set) when the tool failed or could not run."""
    out = f"{tool.out_dir}-{round_number}" if tool.out_dir else None
    if out:
        shutil.rmtree(out, ignore_errors=True)  # only left over from an interrupted bench
    src = tool.source() if tool.source else None
    if tool.source and src is None:
        tool.error = (None, "no almakit output to copy (every almakit run failed)")
        return False
    argv = [out if part == "{out}" else src if part == "{src}" else part for part in tool.argv]
    time_file = os.path.join(work, "time-v.txt")
    log_file = os.path.join(work, f"{tool.short.split()[0]}.log")
    with open(tool.stdout_path or log_file, "wb") as stdout, open(log_file + ".err", "wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-v", "-o", time_file] + argv,
                                   cwd=tool.cwd, stdout=stdout, stderr=stderr)
        # wait4 gives the same rusage as `time -v` (plus `time`'s own
        # millisecond), in microseconds rather than hundredths: kept in
        # results.json as a cross-check; the table shows `time -v`'s.
        _, wait_status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(wait_status)
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
        tool.runs.append({"round": round_number, "wall": wall, **parse_time_v(f.read()),
                          "wait4_user": usage.ru_utime, "wait4_sys": usage.ru_stime,
                          "out": out, "src": src})
    return True


def ok(tool):
    return tool is not None and tool.error is None and bool(tool.runs)


def median(tool, key):
    return statistics.median(run[key] for run in tool.runs)


def megabytes(kib):
    return kib * 1024 / 1e6  # MB = 10^6 bytes, as in the targets


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", required=True)
    parser.add_argument("--almakit", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--cmark-dir", required=True)
    parser.add_argument("--hugo-site")
    parser.add_argument("--hugo-skipped", help="why Hugo is not timed, for the table")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, required=True)
    args = parser.parse_args()

    almakit = Tool("almakit build", [args.almakit, "build", "--project", args.project, "--out", "{out}"],
                   out_dir=os.path.join(args.work, "out-almakit"))

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
    cmark = Tool("cmark (libcmark floor)",
                 # -s: xargs's default command line (128 KiB) holds only about
                 # 5,000 paths, past which it would start more processes than cores.
                 ["xargs", "-0", "-a", body_list, "-P", str(cores), "-n", str(-(-len(bodies) // cores)),
                  "-s", str(os.sysconf("SC_ARG_MAX") // 2), "cmark", "--smart"],
                 out_dir=None, cwd=args.cmark_dir, stdout_path=os.path.join(args.work, "out-cmark.html"))

    # The file-creation floor: copying almakit's output, same files and bytes,
    # into a folder that did not exist. No rendering at all: what writing the
    # site costs on this file system. The source is the output of almakit's
    # run in the same round, just written and so in the page cache.
    def latest_almakit_output():
        return almakit.runs[-1]["out"] if almakit.runs else None
    copy = Tool("cp -r (almakit's output)", ["cp", "-r", "{src}", "{out}"],
                out_dir=os.path.join(args.work, "out-cp"), source=latest_almakit_output)

    tools = [almakit, cmark, copy]
    hugo = None
    if args.hugo_site:
        hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
        match = re.search(r"v(\d+\.\d+\.\d+)", hugo_version)
        # --quiet: Hugo's build summary is not part of the work being compared.
        hugo = Tool(f"hugo {match.group(1) if match else '?'}",
                    ["hugo", "--quiet", "--source", args.hugo_site, "--destination", "{out}"],
                    out_dir=os.path.join(args.work, "out-hugo"))
        tools.append(hugo)

    # Other work on the machine (a compiler, a test run) slows the tools
    # unevenly; say so next to the figures rather than hide it.
    load = os.getloadavg()[0]
    print(f"machine: {cores} cores, load average {load:.1f} before timing"
          + ("  (busy: figures will be noisy)" if load > cores / 2 else ""))

    for round_number in range(1, args.runs + 1):
        print(f"round {round_number}/{args.runs}:", end="", flush=True)
        for tool in tools:
            if tool.error is None and run_once(tool, args.work, round_number):
                print(f"  {tool.short.split()[0]} {tool.runs[-1]['wall']:.3f}s", end="", flush=True)
        print()

    # Only now (see the module's docstring); the last run's outputs stay.
    for tool in tools:
        for run in tool.runs[:-1] if tool.out_dir else []:
            shutil.rmtree(run["out"], ignore_errors=True)

    for tool in tools:
        if tool.error:
            code, output = tool.error
            print(f"\n{tool.name} FAILED" + (f" with exit status {code}" if code is not None else "")
                  + "; its output, verbatim:")
            print(output.rstrip())

    # The table.
    print()
    print(f"{args.pages} pages per language ({2 * args.pages} pages), median of {args.runs} "
          f"run{'s' if args.runs != 1 else ''}; peak memory = highest maximum resident set size of the runs")
    print(f"{'tool':<28}{'wall':>10}{'user CPU':>11}{'sys CPU':>10}{'peak memory':>13}")
    summary = {}
    for tool in tools:
        if not ok(tool):
            print(f"{tool.name:<28}{'FAILED':>10}")
            continue
        figures = {key: median(tool, key) for key in ("wall", "user", "sys")}
        figures["peak_mb"] = megabytes(max(r["rss_kb"] for r in tool.runs))
        summary[tool.name] = figures
        print(f"{tool.name:<28}{figures['wall']:>8.3f} s{figures['user']:>9.3f} s{figures['sys']:>8.3f} s"
              f"{figures['peak_mb']:>10.1f} MB")
    floor = None
    if ok(cmark) and ok(copy):
        floor = median(cmark, "wall") + median(copy, "wall")
        print(f"{'floor = cmark + cp -r':<28}{floor:>8.3f} s")
    if not hugo:
        print(f"{'hugo':<28}  skipped: {args.hugo_skipped or 'not installed'}")

    # The targets.
    def ratio(numerator, denominator):
        return numerator / denominator if numerator is not None and denominator else None

    a_wall = median(almakit, "wall") if ok(almakit) else None
    a_user = median(almakit, "user") if ok(almakit) else None
    c_user = median(cmark, "user") if ok(cmark) else None
    h_wall = median(hugo, "wall") if ok(hugo) else None
    peak_mb = summary.get(almakit.name, {}).get("peak_mb")
    memory_limit = TARGET_MEMORY_MB.get(args.pages)

    targets = []

    def target(label, value, limit, shown, detail, strict=False):
        passed = None if value is None or limit is None else (value < limit if strict else value <= limit)
        targets.append({"target": label, "value": value, "limit": limit, "passed": passed})
        verdict = {None: "--  ", True: "PASS", False: "FAIL"}[passed]
        print(f"  {verdict}  {label:<46}{shown if value is not None else 'n/a'}"
              + (f"  ({detail})" if detail else ""))

    print()
    print("targets:")
    user_ratio = ratio(a_user, c_user)
    target("almakit user CPU <= 3x cmark user CPU", user_ratio, TARGET_USER_VS_CMARK,
           f"{user_ratio:.2f}x" if user_ratio else "",
           f"{a_user:.3f} s / {c_user:.3f} s" if user_ratio else "")
    floor_ratio = ratio(a_wall, floor)
    target("almakit wall <= 1.25x floor (cmark + cp -r)", floor_ratio, TARGET_WALL_VS_FLOOR,
           f"{floor_ratio:.2f}x" if floor_ratio else "",
           f"{a_wall:.3f} s / {floor:.3f} s" if floor_ratio else "")
    hugo_ratio = ratio(a_wall, h_wall)
    target("almakit wall <= 1/5 of hugo's", hugo_ratio, TARGET_WALL_VS_HUGO,
           f"{hugo_ratio:.3f}x" if hugo_ratio else "",
           f"{a_wall:.3f} s / {h_wall:.3f} s" if hugo_ratio else ("hugo skipped" if not hugo else ""))
    if memory_limit:
        target(f"almakit peak memory < {memory_limit:.0f} MB ({args.pages} pages)", peak_mb, memory_limit,
               f"{peak_mb:.1f} MB" if peak_mb else "", "", strict=True)
    else:
        target("almakit peak memory", peak_mb, None, f"{peak_mb:.1f} MB" if peak_mb else "",
               "targets are for --pages 1000 (< 120 MB) and 5000 (< 200 MB) only")

    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({
            "pages_per_language": args.pages, "runs": args.runs, "cores": cores, "load_before": load,
            "tools": {t.name: {"argv": t.argv, "runs": t.runs, "error": t.error} for t in tools},
            "medians": summary, "floor_wall": floor, "targets": targets,
        }, f, indent=2)
    return 1 if almakit.error else 0


if __name__ == "__main__":
    sys.exit(main())
