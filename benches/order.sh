#!/usr/bin/env bash
# Writes benches/startup.order: the functions kzvisa runs as it starts, which build.rs has lld
# place together at the head of the binary's text. Spread over 3 MiB, the few hundred KiB a start
# runs mapped about 1.7 MiB of the binary (the kernel maps file pages in blocks around each
# fault); together they map about a quarter of that. Run it again when a start's code changes
# (benches/startup.sh's peak RSS tells); a stale list costs only the gain, never correctness.
#
#   benches/order.sh
#
# How: the release build, with the linker's map build.rs has it write, the start run under
# callgrind in a pseudo-terminal (ptybench.py), each instruction it ran looked up in the map,
# and the functions named in the order callgrind's files first show them.
#
# Environment: PTYBENCH (default ../shared/tools/ptybench.py beside the repository).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
ptybench=${PTYBENCH:-$repo/../shared/tools/ptybench.py}
for needed in valgrind python3; do
    command -v "$needed" >/dev/null || { echo "order.sh: $needed is needed" >&2; exit 2; }
done
[[ -f $ptybench ]] || { echo "order.sh: ptybench.py not found at $ptybench (set PTYBENCH)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== release build"
# The binary, and the linker's map build.rs has it write beside the build script's output.
read -r bin map < <(cargo build --release --bin kzvisa --message-format=json-render-diagnostics |
    python3 -c '
import json, sys
bin = out_dir = None
for line in sys.stdin:
    m = json.loads(line)
    if m.get("package_id", "").find("kzvisa") < 0:
        continue
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "kzvisa" and m.get("executable"):
        bin = m["executable"]
    if m.get("reason") == "build-script-executed":
        out_dir = m["out_dir"]
print(bin, f"{out_dir}/kzvisa.map")
')
if [[ ! -s $map ]]; then
    echo "order.sh: the linker wrote no map: build.rs orders only where the linker is rustc's lld" >&2
    exit 2
fi

# The starts a person makes: a fresh folder's welcome, Enter on it (which saves), and the start
# screen of a folder with applications. Each under callgrind, from start to quit.
echo "== the starts under callgrind"
cg=(valgrind --tool=callgrind --dump-instr=yes "--callgrind-out-file=$work/cg.%p")
pty() {
    python3 "$ptybench" --runs 1 --timeout 60 --size 80x24 --term xterm-256color "$@" >"$work/pty.log" 2>&1 ||
        { cat "$work/pty.log" >&2; exit 1; }
}
mkdir -p "$work/fresh" "$work/config" "$work/keys" "$work/saved"
XDG_DATA_HOME=$work/fresh XDG_CONFIG_HOME=$work/config \
    pty --ready 'not legal advice' --quit q -- "${cg[@]}" "$bin"
# Enter saves: each run (ptybench warms up first) gets a folder of its own.
XDG_CONFIG_HOME=$work/config TMPDIR=$work/keys \
    pty --ready 'not legal advice' --keys '\r' --after 'Step 2 of' --quit q \
    -- sh -c 'XDG_DATA_HOME=$(mktemp -d) exec "$@"' sh "${cg[@]}" "$bin"
for name in Aigerim Bolat; do
    XDG_DATA_HOME=$work/saved XDG_CONFIG_HOME=$work/config "$bin" new "$name" --plain </dev/null >/dev/null
done
XDG_DATA_HOME=$work/saved XDG_CONFIG_HOME=$work/config \
    pty --ready Bolat --quit q -- "${cg[@]}" "$bin"

entry=$(readelf -hW "$bin" | awk '/Entry point address/ { print $4 }')
python3 - "$map" "$entry" benches/startup.order "$work"/cg.* <<'PY'
import bisect, re, sys

map_file, entry, out, *runs = sys.argv[1:]
entry = int(entry, 16)

# lld's map: "VMA LMA Size Align Out In Symbol". An input section's line names its file and
# section: ".text.<symbol>" with function sections (".text.unlikely.<symbol>" for a cold one);
# a file's plain ".text" (the C start files) is named by the first symbol the next line gives.
starts, ends, names = [], [], []
section = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*:\(\.text(?:\.(\S+))?\)$")
symbol = re.compile(r"^\s*[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+\d+\s+([A-Za-z_][A-Za-z0-9_]*)$")
unnamed = None
for line in open(map_file):
    if unnamed is not None:
        m = symbol.match(line)
        if m:
            names[unnamed] = m.group(1)
        unnamed = None
    m = section.match(line)
    if m:
        start, size = int(m.group(1), 16), int(m.group(2), 16)
        starts.append(start)
        ends.append(start + size)
        if m.group(3):
            names.append(re.sub(r"^(unlikely|hot|startup|exit|split)\.", "", m.group(3)))
        else:
            names.append(None)
            unnamed = len(names) - 1
order = sorted(range(len(starts)), key=starts.__getitem__)
starts = [starts[i] for i in order]
ends = [ends[i] for i in order]
names = [names[i] for i in order]

# callgrind gives a position-independent program's addresses from the start of its file.
ordered, seen = [], set()
for run in runs:
    objects, current, last, ran = {}, None, 0, []
    for line in open(run):
        if line.startswith(("ob=", "cob=")):
            m = re.match(r"c?ob=\((\d+)\)(?: (.*))?", line.strip())
            if m.group(2):
                objects[m.group(1)] = m.group(2)
            if line.startswith("ob="):
                current = objects.get(m.group(1))
            continue
        m = re.match(r"(0x[0-9a-f]+|[+-]\d+)\s", line)
        if not m:
            continue
        step = m.group(1)
        last = int(step, 16) if step.startswith("0x") else last + int(step)
        if current is not None and current.endswith("/kzvisa"):
            ran.append(last)
    if entry not in ran:
        sys.exit(f"order.sh: {run} does not show the program's entry point: its addresses are not the file's")
    for address in ran:
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < ends[i] and names[i] and names[i] not in seen:
            seen.add(names[i])
            ordered.append(names[i])
with open(out, "w") as f:
    f.write("".join(name + "\n" for name in ordered))
sizes = {name: end - start for name, start, end in zip(names, starts, ends)}
size = sum(sizes[name] for name in ordered)
print(f"== {len(ordered)} functions ({size / 1024:.0f} KiB) in {out}; build again to lay them out")
PY
