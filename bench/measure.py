#!/usr/bin/env python3
"""bench/measure.py - the measurements of `make bench`, printed as one table.

Usage: bench/measure.py --plan BUILD/plan --corpus DIR [--runs 3] [--schema schema/plan.rng]

DIR is what bench/gen-corpus.py wrote (DIR/plans/*.xml, DIR/large/*.xml).
Every measurement runs the command --runs times and keeps the smallest wall
time (the least disturbed run); peak RSS is the largest of the runs, as
/usr/bin/time -f %M reports it (n/a without GNU time; Debian: time). Output
goes to /dev/null. Compiles write into a fresh, empty
directory each time (removed afterwards), so that no output is up to date.

Exit status: 0 when every measurement ran, whatever the targets say (the
table says PASS or FAIL); 2 when the bench itself failed (a command missing
or ending in an unexpected status).
"""
import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time


class BenchError(Exception):
    pass


# Peak RSS comes from GNU time (/usr/bin/time -f %M). Not from wait4(2) on
# our own child: Linux carries the high-water mark of the forked copy of
# this Python process into the child, so every small command would show
# Python's own 15 MB or so. GNU time is small, so its child starts clean.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_FILE = None


def run_once(argv, ok=(0,)):
    """(wall seconds, peak RSS in KB or None) of one run of argv."""
    cmd = [GNU_TIME, "-f", "%M", "-o", RSS_FILE] + argv if GNU_TIME else argv
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    except OSError as e:
        raise BenchError("cannot run %s: %s" % (cmd[0], e))
    wall = time.perf_counter() - t0
    if p.returncode not in ok:
        raise BenchError("%s ... exited with status %d (expected %s)"
                         % (" ".join(argv[:3]), p.returncode, "/".join(map(str, ok))))
    rss = None
    if GNU_TIME:
        with open(RSS_FILE) as f:
            lines = f.read().split()
        if not lines or not lines[-1].isdigit():
            raise BenchError("/usr/bin/time wrote no peak RSS for %s" % argv[0])
        rss = int(lines[-1])
    return wall, rss


def best(argv, runs, ok=(0,), before=None, after=None):
    """Best (smallest) wall time and largest peak RSS over runs."""
    walls, rss = [], []
    for _ in range(runs):
        if before:
            before()
        w, m = run_once(argv, ok)
        if after:
            after()
        walls.append(w)
        rss.append(m)
    return min(walls), (max(rss) if rss[0] is not None else None)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ncpu():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def first_line(argv):
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return (r.stdout.strip().splitlines() or ["?"])[0]
    except OSError:
        return "not found"


def mb(kb):
    return "n/a" if kb is None else "%.1f MB" % (kb / 1024.0)


def secs(s):
    return "%.2f s" % s if s >= 0.1 else "%.1f ms" % (s * 1000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--schema", default="schema/plan.rng")
    ap.add_argument("--small", type=int, default=500,
                    help="the smaller number of files for the memory row (default 500)")
    a = ap.parse_args()
    runs = max(1, a.runs)
    global RSS_FILE
    fd, RSS_FILE = tempfile.mkstemp(prefix="rss-", dir=a.corpus)
    os.close(fd)
    try:
        return measure(a, runs)
    finally:
        os.remove(RSS_FILE)


def measure(a, runs):
    plan = a.plan
    xmllint = shutil.which("xmllint")
    if not xmllint:
        raise BenchError("xmllint is not installed (Debian: apt-get install libxml2-utils)")
    if not os.access(plan, os.X_OK):
        raise BenchError("%s is not an executable" % plan)
    pdir = os.path.join(a.corpus, "plans")
    files = sorted(os.path.join(pdir, f) for f in os.listdir(pdir) if f.endswith(".xml"))
    if not files:
        raise BenchError("no plans in %s: run bench/gen-corpus.py first" % pdir)
    ldir = os.path.join(a.corpus, "large")
    large = sorted(os.path.join(ldir, f) for f in os.listdir(ldir) if f.endswith(".xml")) \
        if os.path.isdir(ldir) else []
    nbytes = sum(os.path.getsize(f) for f in files)
    small = files[:min(a.small, len(files))]
    nproc = ncpu()

    def help_of(cmd):
        return subprocess.run([plan, "help", cmd], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True).stdout

    # -j N (check and compile) and --force (compile) are being added: use
    # them when the help lists them. compile takes the options of check.
    help_compile = help_of("compile")
    has_j = any(w.startswith("-j") for text in (help_compile, help_of("check"))
                for w in text.split())
    has_force = "--force" in help_compile
    # xmllint is one process on one core: compare plan on one core too.
    j1 = ["-j", "1"] if has_j else []

    load0 = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)
    rows = []   # (measurement, input, time, peak, ratio, target, result)
    allf = "%d plans, %s" % (len(files), mb(nbytes / 1024.0))

    # 1. plan check against xmllint over the same files, one process each.
    # plan check exits 1 when a plan has errors: the corpus has none, so
    # only 0 is accepted (a regression in the rules shows as a bench error).
    t_x, m_x = best([xmllint, "--noout"] + files, runs)
    t_r, m_r = best([xmllint, "--noout", "--relaxng", a.schema] + files, runs)
    t_c, m_c = best([plan, "check", "-q"] + j1 + files, runs)
    rows.append(("xmllint --noout", allf, secs(t_x), mb(m_x), "1.00x", "reference", ""))
    rows.append(("xmllint --noout --relaxng plan.rng", allf, secs(t_r), mb(m_r),
                 "%.2fx" % (t_r / t_x), "reference", ""))
    # The targets are judged twice: on one core (-j1, as xmllint runs) and
    # as `plan check` runs by default, one process using every core (-jN).
    rows.append(("plan check" + (" -j1" if has_j else ""), allf, secs(t_c), mb(m_c),
                 "%.2fx" % (t_c / t_x),
                 "<= 1.5x xmllint --noout", "PASS" if t_c <= 1.5 * t_x else "FAIL"))
    rows.append(("plan check" + (" -j1" if has_j else "") + " vs --relaxng", allf, secs(t_c),
                 "", "%.2fx" % (t_c / t_r),
                 "< 1x xmllint --relaxng", "PASS" if t_c < t_r else "FAIL"))
    if has_j:
        t_cn, m_cn = best([plan, "check", "-q", "-j", str(nproc)] + files, runs)
        rows.append(("plan check -j%d (default)" % nproc, allf, secs(t_cn), mb(m_cn),
                     "%.2fx" % (t_cn / t_x), "<= 1.5x xmllint --noout",
                     "PASS" if t_cn <= 1.5 * t_x else "FAIL"))
        rows.append(("plan check -j%d vs --relaxng" % nproc, allf, secs(t_cn), "",
                     "%.2fx" % (t_cn / t_r), "< 1x xmllint --relaxng",
                     "PASS" if t_cn < t_r else "FAIL"))
        rows.append(("plan check, speed-up", allf, "", "", "%.2fx" % (t_c / t_cn),
                     "-j%d over -j1" % nproc, ""))

    # 2. plan compile, every output, into a new empty directory each run. The
    # directories are removed only after the last compile: on a file system
    # without a journal, ext4 skips the inodes freed in the last minutes when
    # it allocates new ones, so deleting one run's 35,000 outputs just before
    # the next made that run pay for it (docs/performance.md). When the disk
    # has not room for all the runs, each run removes the previous one, and
    # the header line says so.
    tmp = tempfile.mkdtemp(prefix="compile-", dir=a.corpus)
    ncompiles = runs * (2 if has_j else 1)
    need = ncompiles * 140 * 1024 * len(files) * 1.2  # ~130 KB of outputs per plan
    keep = shutil.disk_usage(tmp).free > need + (1 << 30)
    outs = []

    def fresh():
        if not keep:
            for d in outs:
                shutil.rmtree(d, ignore_errors=True)
        outs.append(os.path.join(tmp, "out-%d" % len(outs)))
        os.mkdir(outs[-1])

    def argv(j):
        """The command of one compile run; its -o is the directory fresh() made."""
        base = [plan, "compile", "-q"] + (["--force"] if has_force else [])
        return base + (["-j", str(j)] if j else []) + files + ["-o", None]

    def best_compile(j):
        walls, rss = [], []
        for _ in range(runs):
            fresh()
            cmd = argv(j)
            cmd[-1] = outs[-1]
            w, m = run_once(cmd)
            walls.append(w)
            rss.append(m)
        return min(walls), (max(rss) if rss[0] is not None else None)

    try:
        if has_j:
            t_1, m_1 = best_compile(1)
            t_n, m_n = best_compile(nproc)
        else:
            # Without -j, plan compiles in one process: that is -j1.
            t_1, m_1 = best_compile(None)
            t_n = m_n = None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    a.compile_dirs = ("each compile into a new directory, all removed at the end" if keep else
                      "each compile into a new directory, the previous one removed first "
                      "(not enough free disk to keep them)")
    rows.append(("plan compile, all outputs, -j1", allf, secs(t_1), mb(m_1),
                 "%.2fx" % (t_1 / t_x), "<= 4x xmllint --noout",
                 "PASS" if t_1 <= 4 * t_x else "FAIL"))
    if t_n is None:
        rows.append(("plan compile, all outputs, -j%d" % nproc, allf, "n/a", "n/a", "n/a",
                     "(plan has no -j yet)", ""))
    else:
        rows.append(("plan compile, all outputs, -j%d" % nproc, allf, secs(t_n), mb(m_n),
                     "%.2fx" % (t_n / t_x), "speed-up %.2fx over -j1" % (t_1 / t_n), ""))

    # 3. Peak memory of plan check at the small and the full number of files.
    if len(small) < len(files):
        t_s, m_s = best([plan, "check", "-q"] + j1 + small, runs)
        sb = sum(os.path.getsize(f) for f in small)
        rows.append(("plan check, peak RSS", "%d plans, %s" % (len(small), mb(sb / 1024.0)),
                     secs(t_s), mb(m_s), "", "reference", ""))
        target = "flat: <= 1.2x the %d-file peak" % len(small)
        if m_c is None:
            rows.append(("plan check, peak RSS", allf, secs(t_c), "n/a", "n/a", target,
                         "n/a (no /usr/bin/time)"))
        else:
            rows.append(("plan check, peak RSS", allf, secs(t_c), mb(m_c),
                         "%.2fx" % (m_c / m_s), target, "PASS" if m_c <= 1.2 * m_s else "FAIL"))

    # 4. Time against the size of one plan: ms per KB should stay flat.
    per_kb = []
    sizes = []
    for f in large:
        kb = os.path.getsize(f) / 1024.0
        t, m = best([plan, "check", "-q", f] + j1, runs)
        tx, _ = best([xmllint, "--noout", f], runs)
        per_kb.append(t * 1000 / kb)
        sizes.append((kb, t * 1000))
        rows.append(("plan check, one plan", "%s, %.0f KB" % (os.path.basename(f), kb),
                     secs(t), mb(m), "%.3f ms/KB" % (t * 1000 / kb),
                     "xmllint --noout %s" % secs(tx), ""))
    if len(per_kb) >= 3:
        # The smallest plan's time is mostly the start of the process: the
        # cost of each further KB is (t - t1x) / (size - size1x), compared
        # between the two largest (a cost quadratic in the number of items
        # shows at 100x; with the start left in, the 10x plan hid it).
        (k1, t1), (k10, t10), (k100, t100) = sizes[0], sizes[-2], sizes[-1]
        m10 = max(t10 - t1, 1e-3) / (k10 - k1)
        m100 = max(t100 - t1, 1e-3) / (k100 - k1)
        r = m100 / m10
        rows.append(("plan check, linearity", "100x against 10x", "", "",
                     "%.2fx ms/KB" % r, "linear: <= 1.5x ms per KB added",
                     "PASS" if r <= 1.5 else "FAIL"))

    load1 = os.getloadavg()
    head = ("measurement", "input", "best of %d" % runs, "peak RSS", "ratio", "target",
            "result")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]

    def line(r):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"

    print("plan benchmark, %s" % started.strftime("%Y-%m-%d %H:%M UTC"))
    print("machine: %d CPU (%s), Linux %s, load average %.2f at start, %.2f at end"
          % (nproc, cpu_model(), platform.release(), load0[0], load1[0]))
    print("plan: %s (%s); %s" % (plan, first_line([plan, "--version"]),
                                 first_line([xmllint, "--version"])))
    print("plan compile: %s; %s; %s" % ("-j N supported" if has_j else "no -j option yet",
                                        "--force used" if has_force else "no --force option",
                                        a.compile_dirs))
    print()
    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        sys.stderr.write("bench: error: %s\n" % e)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
