#!/usr/bin/env bash
# Regenerate the generated parts of docs/ (settings table, CLI reference) from the code.
set -euo pipefail
cd "$(dirname "$0")/.."
regen() {  # file, marker, command
  python3 - "$1" "$2" "$3" <<'PY'
import subprocess, sys
path, marker, cmd = sys.argv[1:]
text = open(path, encoding="utf-8").read()
start, end = f"<!-- {marker}:start -->\n", f"<!-- {marker}:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
body = subprocess.run(cmd, shell=True, check=True, capture_output=True, text=True).stdout
open(path, "w", encoding="utf-8").write(head + start + body + end + tail)
PY
}
regen docs/settings.md settings-table ".venv/bin/parley settings --markdown"
regen docs/cli.md cli-reference ".venv/bin/parley cli-reference"
