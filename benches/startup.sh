#!/usr/bin/env bash
# kzvisa in a real terminal, beside the classic `dialog`, timed with ptybench.py in one go:
#
#   (a) kzvisa with a fresh data folder: start -> welcome screen, and (another series, a new
#       folder for each run) Enter -> the next screen, the first question; peak resident memory;
#   (b) kzvisa with 1,000 saved applications: start -> start screen, and (another series)
#       start -> the rows on screen read (their step shows), peak resident memory;
#   (c) dialog --yesno 'Do you have a job offer?' 8 40: start -> its box.
#
# Prints the medians, the ratios kzvisa/dialog and the bars of issue 5. Unattended: ptybench
# provides the pseudo-terminal, so no terminal is needed to run this script.
#
#   benches/startup.sh                 # 20 runs of each after a warm-up
#   RUNS=50 benches/startup.sh
#   PTYBENCH=/path/to/ptybench.py benches/startup.sh
#
# Environment: RUNS (default 20), SIZE (default 80x24), PTYBENCH (default
# ../shared/tools/ptybench.py beside the repository), APPLICATIONS (default 1000), KEY_MARKER
# (text of the screen after the welcome screen, default "Step 2 of"), ROW_MARKER (text of a row of
# the start screen once read, default "Welcome", the step of the saved copies).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

runs=${RUNS:-20}
size=${SIZE:-80x24}
applications=${APPLICATIONS:-1000}
# What Enter on the welcome screen brings: the header of the wizard's second step, whichever
# screen that is (the first eligibility question, "Question 1 of 4", or a question added before
# it), so the measure does not depend on the order of the steps.
key_marker=${KEY_MARKER:-Step 2 of}
# The start screen shows at once and reads the rows on screen next: until then a row shows its
# file name, and once read its step, which for every copy below is the welcome screen's.
row_marker=${ROW_MARKER:-Welcome}
ptybench=${PTYBENCH:-$repo/../shared/tools/ptybench.py}
# Both programs get the same terminal type, whatever the caller's is.
term=xterm-256color

if [[ ! -f $ptybench ]]; then
    echo "startup.sh: ptybench.py not found at $ptybench (set PTYBENCH)" >&2
    exit 2
fi

# --- the release binary ------------------------------------------------------------------------
echo "== building the release binary"
# Cargo says where it put the binary (CARGO_TARGET_DIR and .cargo/config are honoured).
bin=$(cargo build --release --bin kzvisa --message-format=json-render-diagnostics |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "kzvisa":
        print(m["executable"])
')
if [[ -z $bin || ! -x $bin ]]; then
    echo "startup.sh: cargo did not report the kzvisa binary" >&2
    exit 2
fi
binary_bytes=$(stat -c %s "$bin")

# --- the peer: Debian's dialog -----------------------------------------------------------------
have_dialog=1
if ! command -v dialog >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "== installing Debian's dialog"
        if ! apt-get install -y -qq dialog >/dev/null 2>&1; then
            apt-get update -qq >/dev/null 2>&1 || true
            apt-get install -y -qq dialog >/dev/null 2>&1 || true
        fi
    else
        echo "== dialog is not installed and this script is not run as root, so it cannot" \
            "install it (apt-get install -y dialog): dialog is skipped, no ratios"
    fi
    command -v dialog >/dev/null 2>&1 || have_dialog=0
fi
if [[ $have_dialog -eq 0 ]]; then
    echo "== dialog is not available: its row and the ratios are left out"
fi

# --- data folders ------------------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# (a) An empty data folder: what a first start sees. The first-frame runs quit on the welcome
# screen with q, which writes nothing, so one folder serves them all (checked below). The key
# runs answer Enter, which saves an application, so each of them gets a new folder from a
# wrapper (`sh -c 'exec kzvisa --data-dir "$(mktemp -d)"'`): its few hundred microseconds fall
# before the first frame, which that phase does not use, and `exec` leaves kzvisa's own memory.
fresh="$work/fresh"
mkdir -p "$fresh" "$work/keys"

# (b) One application saved by kzvisa itself, then copied under other names.
many="$work/many"
mkdir -p "$many"
"$bin" --data-dir "$many" new "Applicant 0" --plain </dev/null >/dev/null 2>&1 || true
template=$(find "$many" -maxdepth 1 -name '*.yaml' | head -n 1)
if [[ -z $template ]] || ! grep -q '^name: Applicant 0$' "$template"; then
    echo "startup.sh: kzvisa new did not save an application in $many" >&2
    exit 2
fi
# A newline in front, so the name line is found the same way wherever it is in the file.
text=$'\n'$(<"$template")
rm -f "$many"/*
for ((i = 0; i < applications; i++)); do
    copy=${text/$'\n'"name: Applicant 0"$'\n'/$'\n'"name: Applicant $i"$'\n'}
    printf '%s\n' "${copy:1}" >"$many/applicant-$i.yaml"
done
last=$((applications - 1))
if ! grep -q "^name: Applicant $last\$" "$many/applicant-$last.yaml"; then
    echo "startup.sh: the copies of $template did not get their own names" >&2
    exit 2
fi
echo "== $applications saved applications in $many ($(du -sh "$many" | cut -f1))"

# --- measuring ---------------------------------------------------------------------------------
bench() { # name, then ptybench arguments; the output goes to $work/name.txt and the screen
    local name=$1
    shift
    echo "== $name"
    python3 "$ptybench" --runs "$runs" --size "$size" --term "$term" "$@" | tee "$work/$name.txt"
}
# Figures from a ptybench report: median of a phase, or the peak RSS median.
median() { awk -v phase="$2" '$1 == phase { print $6 }' "$work/$1.txt"; }
rss() { awk '/^peak RSS median/ { print $4 }' "$work/$1.txt"; }

bench fresh --ready 'not legal advice' --quit q -- "$bin" --data-dir "$fresh"
if [[ -n $(ls -A "$fresh") ]]; then
    echo "startup.sh: kzvisa wrote into the fresh folder before any answer: the runs after the" \
        "first did not see a fresh folder" >&2
    exit 1
fi
bench fresh-key --ready 'not legal advice' --keys '\r' --after "$key_marker" --quit q \
    -- env TMPDIR="$work/keys" sh -c 'exec "$0" --data-dir "$(mktemp -d)"' "$bin"
bench many --ready 'Your applications' --quit q -- "$bin" --data-dir "$many"
bench many-rows --ready "$row_marker" --quit q -- "$bin" --data-dir "$many"
if [[ $have_dialog -eq 1 ]]; then
    # Enter answers Yes and dialog exits.
    bench dialog --ready 'job offer' --quit '\r' -- dialog --yesno 'Do you have a job offer?' 8 40
fi

# --- the table ---------------------------------------------------------------------------------
fresh_ready=$(median fresh ready)
fresh_key=$(median fresh-key key)
many_ready=$(median many ready)
rows_ready=$(median many-rows ready)
fresh_rss=$(rss fresh)
many_rss=$(rss many)
key_rss=$(rss fresh-key)
dialog_ready=
dialog_rss=
if [[ $have_dialog -eq 1 ]]; then
    dialog_ready=$(median dialog ready)
    dialog_rss=$(rss dialog)
fi

python3 - "$fresh_ready" "$fresh_key" "$many_ready" "$rows_ready" "$fresh_rss" "$key_rss" \
    "$many_rss" "$dialog_ready" "$dialog_rss" "$binary_bytes" "$runs" "$size" "$applications" <<'EOF'
import sys

args = sys.argv[1:]
number = lambda s: float(s) if s else None
(fresh_ready, fresh_key, many_ready, rows_ready, fresh_rss, key_rss, many_rss, dialog_ready,
 dialog_rss) = map(number, args[:9])
binary, runs, size, applications = int(args[9]), args[10], args[11], args[12]
mib = lambda kib: kib / 1024
# The fresh folder's peak: the larger of the first screen alone and the first screen plus a key.
fresh_peak = max(fresh_rss, key_rss)

def ratio(x):
    return f"{x / dialog_ready:.2f}" if dialog_ready else "n/a"

def verdict(ok):
    return "met" if ok else "NOT MET"

print()
print(f"Medians of {runs} runs each (after a warm-up), terminal {size}:")
print()
print("| program | first frame (ms) | kzvisa/dialog | key to next screen (ms) | peak RSS (MiB) |")
print("| --- | ---: | ---: | ---: | ---: |")
print(f"| kzvisa, fresh data folder | {fresh_ready:.2f} | {ratio(fresh_ready)} | {fresh_key:.2f} | "
      f"{mib(fresh_rss):.1f} (after Enter: {mib(key_rss):.1f}) |")
print(f"| kzvisa, {applications} saved applications | {many_ready:.2f} | {ratio(many_ready)} | - | "
      f"{mib(many_rss):.1f} |")
print(f"| kzvisa, {applications} saved applications, rows on screen read | {rows_ready:.2f} | "
      f"{ratio(rows_ready)} | - | - |")
if dialog_ready:
    print(f"| dialog --yesno | {dialog_ready:.2f} | 1.00 | - | {mib(dialog_rss):.1f} |")
print()
print(f"release binary: {binary} bytes ({binary / 1024 / 1024:.2f} MiB)")
print()
print("Bars of issue 5:")
if dialog_ready:
    print(f"  first frame, fresh folder <= 1.0x dialog: {ratio(fresh_ready)}x  "
          f"{verdict(fresh_ready <= dialog_ready)}")
    print(f"  first frame, {applications} applications <= 1.5x dialog: {ratio(many_ready)}x  "
          f"{verdict(many_ready <= 1.5 * dialog_ready)}")
else:
    print("  first-frame ratios: dialog not available")
print(f"  key to updated screen < 2 ms: {fresh_key:.2f} ms  {verdict(fresh_key < 2)}")
print(f"  peak RSS, fresh folder < 8 MiB: {mib(fresh_peak):.1f} MiB  {verdict(mib(fresh_peak) < 8)}")
print(f"  peak RSS, {applications} applications < 16 MiB: {mib(many_rss):.1f} MiB  "
      f"{verdict(mib(many_rss) < 16)}")
print(f"  release binary < 4 MiB: {binary / 1024 / 1024:.2f} MiB  "
      f"{verdict(binary < 4 * 1024 * 1024)}")
EOF
