#!/usr/bin/env bash
# Coverage-guided fuzzing for longer than the suite's 45 s: Jazzer over the JSON, HTML-page,
# Atom-entry and WordPress-export readers and the feed, search and page routes' parameters of a
# real server (src/test/java/org/minbar/fuzz/UntrustedInputFuzzer.java), through FuzzIT.
#
# Usage: bench/fuzz.sh [SECONDS]      default 600; prints the inputs tried and the coverage, and on
#                                     a finding the exception and where Jazzer wrote the input
#   Environment: MINBAR_BUILD_DIR (build output, default target).
# Every process it starts ends with it (Jazzer runs in the test's own child process, bounded by
# SECONDS + 120 s); the corpus lives in a temporary folder removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_FUZZ=${1:-600}
case "$SECONDS_TO_FUZZ" in ''|*[!0-9]*) echo "usage: bench/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
BUILD=${MINBAR_BUILD_DIR:-target}
exec mvn -B -DbuildDir="$BUILD" verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FuzzIT -Dminbar.fuzz.seconds="$SECONDS_TO_FUZZ"
