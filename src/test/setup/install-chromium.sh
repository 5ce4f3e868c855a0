#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for BrowserIT when they are missing. Maven runs this
# before the integration tests (pre-integration-test), so `mvn -B verify` on a fresh machine needs
# nothing installed by hand. Does nothing when both are there; never asks a question.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
PACKAGES=(chromium chromium-driver)

if [[ -x $CHROMIUM && -x $CHROMEDRIVER ]]; then
    exit 0
fi

fail() {
    echo "install-chromium: $1" >&2
    echo "install-chromium: BrowserIT needs $CHROMIUM and $CHROMEDRIVER: install Debian's packages as root" \
        "(apt-get install ${PACKAGES[*]}), or skip the integration tests with -DskipITs." >&2
    exit 1
}

command -v apt-get >/dev/null || fail "apt-get not found: this is not a Debian-like system."
if [[ $(id -u) -eq 0 ]]; then
    AS_ROOT=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    fail "not root, and sudo cannot run without a password."
fi

# Through env, because sudo does not pass the caller's environment on.
apt_get() { "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@" </dev/null; }
install_packages() { apt_get install --no-install-recommends "${PACKAGES[@]}"; }

echo "install-chromium: installing ${PACKAGES[*]} from Debian's archive"
started=$SECONDS
# The package lists are refreshed only when they do not know the packages, or when they are stale
# enough that the install fails (a version the mirror no longer has).
if ! apt-cache show "${PACKAGES[@]}" >/dev/null 2>&1; then
    apt_get update || fail "apt-get update failed."
fi
if ! install_packages; then
    apt_get update || fail "apt-get update failed."
    install_packages || fail "apt-get install ${PACKAGES[*]} failed."
fi
[[ -x $CHROMIUM && -x $CHROMEDRIVER ]] || fail "the packages installed, but $CHROMIUM or $CHROMEDRIVER is not there."
echo "install-chromium: installed in $((SECONDS - started)) s: $("$CHROMIUM" --version 2>/dev/null || echo '?')"
