#!/usr/bin/env bash
# Installs what the integration tests drive from Debian's packages, when it is missing: Chromium
# and ChromeDriver for BrowserIT, Universal Feed Parser (python3-feedparser, with Debian's
# python3) for FeedReaderIT, systemd-analyze (systemd) for ServiceFilesIT, and Varnish with its
# xkey vmod (varnish, varnish-modules) for VarnishIT, nginx for NginxIT, and PostgreSQL 15 or later
# (postgresql) for the throwaway servers of org.minbar.support.Postgres. Maven runs this before the
# integration tests (pre-integration-test), so `mvn -B verify` on a fresh machine needs nothing
# installed by hand. Does nothing when all is there; never asks a question.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
PYTHON=/usr/bin/python3
SYSTEMD_ANALYZE=/usr/bin/systemd-analyze
VARNISHD=/usr/sbin/varnishd
NGINX=/usr/sbin/nginx
POSTGRES_INITDB='/usr/lib/postgresql/*/bin/initdb'
PACKAGES=(chromium chromium-driver python3-feedparser systemd varnish varnish-modules nginx postgresql)

present() {
    [[ -x $CHROMIUM && -x $CHROMEDRIVER && -x $SYSTEMD_ANALYZE && -x $VARNISHD && -x $NGINX ]] && xkey_present \
        && postgres_present && "$PYTHON" -c 'import feedparser' 2>/dev/null
}

# varnish-modules puts libvmod_xkey.so in varnishd's vmod folder.
xkey_present() {
    compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null
}

# postgresql (through postgresql-N) puts initdb and pg_ctl in /usr/lib/postgresql/N/bin, off the PATH.
postgres_present() {
    compgen -G "$POSTGRES_INITDB" >/dev/null
}

if present; then
    exit 0
fi

fail() {
    echo "install-test-tools: $1" >&2
    echo "install-test-tools: the integration tests need $CHROMIUM, $CHROMEDRIVER, $SYSTEMD_ANALYZE, $VARNISHD with vmod xkey, $NGINX, $POSTGRES_INITDB and feedparser for $PYTHON:" \
        "install Debian's packages as root (apt-get install ${PACKAGES[*]}), or skip the integration tests with -DskipITs." >&2
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

echo "install-test-tools: installing ${PACKAGES[*]} from Debian's archive"
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
present || fail "the packages installed, but $CHROMIUM, $CHROMEDRIVER, $SYSTEMD_ANALYZE, $VARNISHD, vmod xkey, $NGINX, $POSTGRES_INITDB or feedparser for $PYTHON is not there."
echo "install-test-tools: installed in $((SECONDS - started)) s: $("$CHROMIUM" --version 2>/dev/null || echo '?'),"\
    "feedparser $("$PYTHON" -c 'import feedparser; print(feedparser.__version__)')"
