#!/usr/bin/env bash
# Drives selfmodel-mcp with the official Python MCP SDK (`mcp` from PyPI, a client no one here
# wrote) over stdio and over Streamable HTTP with four concurrent clients, every tool, failing
# on any schema or result the SDK rejects. Needs python3 (with venv) and network access to PyPI
# on the first run; the virtual environment is kept in Examples/Server/.venv-python-sdk
# (git-ignored). Builds the server (debug) unless SELFMODEL_MCP names a binary.
#
#   Examples/Server/Scripts/python-sdk.sh
set -euo pipefail
package="$(cd "$(dirname "$0")/.." && pwd)"
version="2.3.0"  # the mcp release this script was written and tested against
venv="$package/.venv-python-sdk"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('mcp') != '$version')" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mcp==$version"
fi
binary="${SELFMODEL_MCP:-}"
if [ -z "$binary" ]; then
  build=(swift build --package-path "$package" ${SELFMODEL_SCRATCH:+--scratch-path "$SELFMODEL_SCRATCH"} ${SELFMODEL_SWIFT_FLAGS:-})
  "${build[@]}" --product selfmodel-mcp >&2
  binary="$("${build[@]}" --show-bin-path)/selfmodel-mcp"
fi
exec "$venv/bin/python" "$package/Scripts/python_sdk_check.py" "$binary" \
  "$package/catalogue.example.json"
