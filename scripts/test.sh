#!/usr/bin/env bash
# Install parley with its development tools into .venv and run every check:
# ruff (lint), mypy (types), then the whole pytest suite (warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check parley tests bench
.venv/bin/mypy parley
.venv/bin/python -m pytest "$@"
