#!/usr/bin/env bash
# The README's two commands on a "bare" machine: `npm ci && npm run demo` in a scratch copy of
# the committed tree, with no compiler, make, python or pkg-config on PATH and
# PKG_CONFIG_LIBDIR pointing nowhere (so libsecret and every other system library is hidden,
# as on a fresh Debian with only Node.js). Anything that needed a native build fails here.
# Slow (a full npm ci, several minutes), so CI runs the lockfile check
# (test/build/install.test.ts) instead; run this by hand after changing dependencies:
#
#   bash scripts/check-bare-install.sh [git-ref]      (default HEAD)
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-HEAD}"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/scorecard-bare-install.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
git archive "$ref" | tar -x -C "$scratch/"
mkdir "$scratch/.bin"

# Only Node.js, npm and the shell tools npm's lifecycle scripts use.
for tool in node npm npx sh bash env cat ls mkdir rm cp mv ln chmod uname dirname basename sed grep head tail tr rmdir touch readlink realpath; do
  found="$(command -v "$tool")" || { echo "bare-install: $tool not found" >&2; exit 2; }
  ln -s "$(readlink -f "$found")" "$scratch/.bin/$tool"
done
for tool in cc gcc g++ c++ clang make python python3 pkg-config node-gyp; do
  if PATH="$scratch/.bin" command -v "$tool" >/dev/null 2>&1; then
    echo "bare-install: $tool is still on PATH" >&2
    exit 2
  fi
done

bare() {
  (cd "$scratch" && env -i HOME="$HOME" PATH="$scratch/.bin" PKG_CONFIG_LIBDIR=/nonexistent CI=true TMPDIR="${TMPDIR:-/tmp}" \
    ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS"} "$@")
}

echo "bare-install: npm ci in $scratch (no compiler on PATH, PKG_CONFIG_LIBDIR=/nonexistent)"
bare npm ci --no-audit --no-fund --foreground-scripts
echo "bare-install: npm run demo"
bare npm run demo
echo "bare-install: ok"
