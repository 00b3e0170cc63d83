#!/usr/bin/env bash
# kzvisa's start in a real terminal, against the floor of its stack and the classic `dialog`,
# timed with ptybench.py and counted with callgrind, in one go:
#
#   floor       benches/floor/main.rs: a bare ratatui program (kzvisa's lockfile and release
#               profile) that draws one bordered paragraph and quits on q;
#   fresh       kzvisa with a fresh data folder: start -> welcome screen; peak resident memory;
#   key         (a new folder each run) Enter on the welcome screen -> the next screen;
#   many        kzvisa with 1,000 saved applications: start -> a saved name on the start screen;
#   list        `kzvisa list` on those 1,000: start -> exit, its table read from a pipe;
#   dialog      dialog --yesno: start -> its box.
#
# The series are interleaved: each round runs every one of them once, so a drift of the machine
# (another build, a noisy neighbour) hits all alike. kzvisa is started bare, as a person starts
# it, its folders given by XDG_DATA_HOME and XDG_CONFIG_HOME.
#
#   benches/startup.sh                 # 15 rounds
#   RUNS=30 benches/startup.sh
#
# Environment: RUNS (default 15), SIZE (default 80x24), PTYBENCH (default
# ../shared/tools/ptybench.py beside the repository), APPLICATIONS (default 1000), CALLGRIND=0
# to skip the instruction counts.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

runs=${RUNS:-15}
size=${SIZE:-80x24}
applications=${APPLICATIONS:-1000}
ptybench=${PTYBENCH:-$repo/../shared/tools/ptybench.py}
term=xterm-256color

if [[ ! -f $ptybench ]]; then
    echo "startup.sh: ptybench.py not found at $ptybench (set PTYBENCH)" >&2
    exit 2
fi

# --- the release binaries ----------------------------------------------------------------------
echo "== building kzvisa and the floor (release profile)"
# Cargo says where it put them (CARGO_TARGET_DIR and .cargo/config are honoured). Apart: built
# together, the example's dev-dependencies would change the features, and so the symbols, of
# the kzvisa a person builds, and benches/startup.order would no longer name its functions.
build() { cargo build --release "$@" --message-format=json-render-diagnostics; }
artifacts=$({ build --bin kzvisa && build --example floor; } |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable"):
        print(m["target"]["name"], m["executable"])
')
bin=$(awk '$1 == "kzvisa" { print $2 }' <<<"$artifacts")
floor=$(awk '$1 == "floor" { print $2 }' <<<"$artifacts")
if [[ ! -x $bin || ! -x $floor ]]; then
    echo "startup.sh: cargo did not report both binaries" >&2
    exit 2
fi
binary_bytes=$(stat -c %s "$bin")

# --- the peer: Debian's dialog -----------------------------------------------------------------
if ! command -v dialog >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "== installing Debian's dialog"
    apt-get install -y -qq dialog >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq dialog >/dev/null 2>&1; } || true
fi
have_dialog=0
command -v dialog >/dev/null 2>&1 && have_dialog=1
[[ $have_dialog -eq 1 ]] || echo "== dialog is not available (apt-get install -y dialog): no ratios to it"

# --- data folders ------------------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fresh" "$work/config" "$work/keys"

# One application saved by kzvisa itself, then copied under other names, then listed once, as a
# person's `kzvisa list` would have done before, so that the folder's index is there.
many="$work/many"
apps="$many/kzvisa/applications"
mkdir -p "$apps"
XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config "$bin" new "Applicant 0" --plain </dev/null >/dev/null 2>&1 || true
template=$(find "$apps" -maxdepth 1 -name '*.yaml' | head -n 1)
if [[ -z $template ]] || ! grep -q '^name: Applicant 0$' "$template"; then
    echo "startup.sh: kzvisa new did not save an application in $apps" >&2
    exit 2
fi
text=$'\n'$(<"$template")
rm -f "$apps"/*
for ((i = 0; i < applications; i++)); do
    copy=${text/$'\n'"name: Applicant 0"$'\n'/$'\n'"name: Applicant $i"$'\n'}
    printf '%s\n' "${copy:1}" >"$apps/applicant-$i.yaml"
done
XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config "$bin" list >/dev/null
# The newest file's name: the start screen's first row.
newest=$(XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config "$bin" list --format yaml |
    awk '/name:/ { sub(/.*name: */, ""); gsub(/'"'"'/, ""); print; exit }')
# The table's last row, whole (a bare name would also match the longer names before it): it
# shows once `list` has written everything.
last_row=$(XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config "$bin" list | tail -n 1 | sed 's/ *$//')
echo "== $applications saved applications in $apps ($(du -sh "$apps" | cut -f1)); first row: $newest"

# --- one round of each, RUNS times -------------------------------------------------------------
pty() { python3 "$ptybench" --runs 1 --size "$size" --term "$term" "$@"; }
# A phase's median (one run: its time) from a ptybench report, and the peak RSS.
phase() { awk -v phase="$1" '$1 == phase { print $6 }'; }
record() { # series, ptybench output on stdin
    local out
    out=$(cat)
    local ready key rss
    ready=$(phase ready <<<"$out")
    key=$(phase key <<<"$out")
    rss=$(awk '/^peak RSS median/ { print $4 }' <<<"$out")
    echo "$1 ready ${ready:--} key ${key:--} rss ${rss:--}" >>"$work/figures"
}
: >"$work/figures"
echo "== $runs rounds"
for ((round = 1; round <= runs; round++)); do
    pty --ready 'not legal advice' --quit q -- "$floor" | record floor
    XDG_DATA_HOME=$work/fresh XDG_CONFIG_HOME=$work/config \
        pty --ready 'not legal advice' --quit q -- "$bin" | record fresh
    # Enter saves an application: each run gets a new folder from a wrapper whose cost falls
    # before the first frame, which this series does not use.
    XDG_CONFIG_HOME=$work/config TMPDIR=$work/keys \
        pty --ready 'not legal advice' --keys '\r' --after 'Step 2 of' --quit q \
        -- sh -c 'XDG_DATA_HOME=$(mktemp -d) exec "$0"' "$bin" | record key
    XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config \
        pty --ready "$newest" --quit q -- "$bin" | record many
    # Start to exit with its output read from a pipe: in a pseudo-terminal the emulator's work
    # on a thousand rows would be counted as kzvisa's.
    XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config python3 -c '
import subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
took = (time.perf_counter() - start) * 1000
if done.returncode != 0 or b"Applicant 0" not in done.stdout:
    sys.exit("kzvisa list failed")
print(f"ready  min {took:8.2f} ms  median {took:8.2f} ms  max {took:8.2f} ms")
' "$bin" list | record list
    if [[ $have_dialog -eq 1 ]]; then
        pty --ready 'job offer' --quit '\r' -- dialog --yesno 'Do you have a job offer?' 8 40 | record dialog
    fi
    printf '.'
done
echo
if [[ -n $(ls -A "$work/fresh") ]]; then
    echo "startup.sh: kzvisa wrote into the fresh folder before any answer" >&2
    exit 1
fi

# --- instructions, start to quit (repeatable, unlike time) -------------------------------------
: >"$work/instructions"
if [[ ${CALLGRIND:-1} != 0 ]] && command -v valgrind >/dev/null 2>&1; then
    echo "== instructions with callgrind"
    count() { # series, then the command: the measured run's count (ptybench warms up first)
        local series=$1
        shift
        rm -f "$work"/cg.*
        python3 "$ptybench" --runs 1 --timeout 60 --size "$size" --term "$term" "$@" >/dev/null 2>&1 || true
        local last
        last=$(ls -t "$work"/cg.* 2>/dev/null | head -n 1)
        echo "$series $(awk '/^summary:/ { n = $2 } END { print n + 0 }' "${last:-/dev/null}")" >>"$work/instructions"
    }
    cg=(valgrind --tool=callgrind "--callgrind-out-file=$work/cg.%p")
    count floor --ready 'not legal advice' --quit q -- "${cg[@]}" "$floor"
    XDG_DATA_HOME=$work/fresh XDG_CONFIG_HOME=$work/config \
        count fresh --ready 'not legal advice' --quit q -- "${cg[@]}" "$bin"
    XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config \
        count many --ready "$newest" --quit q -- "${cg[@]}" "$bin"
    XDG_DATA_HOME=$many XDG_CONFIG_HOME=$work/config \
        count list --ready "$last_row" -- "${cg[@]}" "$bin" list
else
    echo "== valgrind is not installed (apt-get install -y valgrind): no instruction counts"
fi

# --- the table ---------------------------------------------------------------------------------
python3 - "$work/figures" "$work/instructions" "$binary_bytes" "$runs" "$size" "$applications" <<'PY'
import statistics, sys
from collections import defaultdict

figures, instructions, binary, runs, size, applications = sys.argv[1:]
binary = int(binary)
ready, key, rss = defaultdict(list), defaultdict(list), defaultdict(list)
for line in open(figures):
    f = line.split()
    series = f[0]
    values = dict(zip(f[1::2], f[2::2]))
    for name, into in (("ready", ready), ("key", key), ("rss", rss)):
        try:
            into[series].append(float(values.get(name, "")))
        except ValueError:
            pass
counted = {}
for line in open(instructions):
    series, n = line.split()
    if int(n) > 0:
        counted[series] = int(n)

med = lambda xs: statistics.median(xs) if xs else None
floor_ms = med(ready["floor"])
dialog_ms = med(ready["dialog"])
ratio = lambda x, base: f"{x / base:.2f}" if x is not None and base else "n/a"
ms = lambda x: f"{x:.2f}" if x is not None else "n/a"
mib = lambda kib: f"{kib / 1024:.1f}" if kib is not None else "n/a"
instr = lambda s: f"{counted[s] / 1e6:.2f} M" if s in counted else "n/a"

print()
print(f"Medians of {runs} interleaved rounds, terminal {size}; instructions from start to quit (callgrind):")
print()
print("| series | first screen (ms) | / floor | / dialog | peak RSS (MiB) | instructions | / floor |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
names = {
    "floor": "floor (bare ratatui)",
    "fresh": "kzvisa, fresh folder",
    "key": "kzvisa, Enter -> next screen",
    "many": f"kzvisa, {applications} applications, a name on screen",
    "list": f"kzvisa list, {applications} applications",
    "dialog": "dialog --yesno",
}
for series in ("floor", "fresh", "key", "many", "list", "dialog"):
    if not ready[series] and not key[series]:
        continue
    first = med(key[series]) if series == "key" else med(ready[series])
    ci = ratio(counted.get(series), counted.get("floor")) if series in counted else "n/a"
    print(f"| {names[series]} | {ms(first)} | {ratio(first, floor_ms) if series != 'key' else '-'} | "
          f"{ratio(first, dialog_ms) if series not in ('key', 'list') else '-'} | {mib(med(rss[series]))} | "
          f"{instr(series)} | {ci} |")
print()
print(f"release binary: {binary} bytes ({binary / 1024 / 1024:.2f} MiB)")
print()

def bar(text, value, ok):
    print(f"  {text}: {value}  {'met' if ok else 'NOT MET'}")

print("Bars:")
fresh, many, lst, k = med(ready["fresh"]), med(ready["many"]), med(ready["list"]), med(key["key"])
bar("first frame, fresh folder <= 2x floor", f"{ratio(fresh, floor_ms)}x", fresh <= 2 * floor_ms)
bar(f"first frame, {applications} applications <= 2.5x floor", f"{ratio(many, floor_ms)}x", many <= 2.5 * floor_ms)
bar(f"kzvisa list at {applications} < 10 ms", f"{ms(lst)} ms", lst < 10)
if "fresh" in counted and "floor" in counted:
    bar("instructions, fresh folder <= 1.5x floor", f"{ratio(counted['fresh'], counted['floor'])}x",
        counted["fresh"] <= 1.5 * counted["floor"])
peak = max(rss["fresh"] + rss["key"]) if rss["fresh"] else None
bar("peak RSS, fresh folder < 4 MiB", f"{mib(peak)} MiB", peak is not None and peak < 4096)
bar("key to next screen < 0.5 ms", f"{ms(k)} ms", k is not None and k < 0.5)
bar("release binary < 4 MiB", f"{binary / 1024 / 1024:.2f} MiB", binary < 4 * 1024 * 1024)
PY
