#!/usr/bin/env bash
# Install kg with its test extras into a virtual environment (default .venv) and run every test.
# The browser tests need Debian's chromium and chromium-driver: installed here when missing and root.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${KG_VENV:-.venv}"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e '.[test]'
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi wqy; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  else
    echo "warning: chromium/chromedriver missing and not root: browser tests will fail" >&2
  fi
fi
"$venv/bin/ruff" check kg tests benchmarks scripts
"$venv/bin/python" -m pytest -q "$@"
