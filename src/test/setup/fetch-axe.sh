#!/usr/bin/env bash
# Fetches axe-core's axe.min.js (Deque's accessibility rules, MPL-2.0) from the npm registry into the
# build directory for BrowserIT, which injects it into each page. Maven runs this before the
# integration tests (pre-integration-test); the file is build output and never committed. Does
# nothing when that version is already there. The version is the pom's axe-core.version.
set -euo pipefail

DEST=${1:?usage: fetch-axe.sh BUILD_DIRECTORY VERSION}/axe-core
VERSION=${2:?usage: fetch-axe.sh BUILD_DIRECTORY VERSION}
FILE=$DEST/axe-$VERSION.min.js

if [[ -s $FILE ]]; then
    exit 0
fi
command -v npm >/dev/null || { echo "fetch-axe: npm not found: install Node.js and npm, or skip the integration tests with -DskipITs." >&2; exit 1; }
mkdir -p "$DEST"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# npm pack checks the tarball against the registry's integrity hash.
(cd "$work" && npm pack "axe-core@$VERSION" --silent >/dev/null) \
    || { echo "fetch-axe: npm pack axe-core@$VERSION failed (is the npm registry reachable?)." >&2; exit 1; }
tar -xzf "$work/axe-core-$VERSION.tgz" -C "$work" package/axe.min.js
mv "$work/package/axe.min.js" "$FILE"
echo "fetch-axe: axe-core $VERSION in $FILE"
