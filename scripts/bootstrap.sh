# Sourced by test.sh and demo.sh: gives a fresh machine (Node 20 + npm only) what it lacks.
# Sets PNPM to a command that runs the pnpm version pinned in package.json.
set -eu
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
PNPM_MAJOR=${PNPM_VERSION%%.*}

if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" = "$PNPM_MAJOR" ]; then
  PNPM=pnpm
else
  echo "bootstrap: installing pnpm@$PNPM_VERSION with npm"
  if npm install --global "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && command -v pnpm >/dev/null 2>&1; then
    PNPM=pnpm
  else
    # No write access to npm's global folder: run the pinned pnpm through npx instead.
    PNPM="npx --yes pnpm@$PNPM_VERSION"
  fi
fi
export PNPM

export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
# libuv hands file operations to io_uring on Linux; here a Node 24 process once waited forever on
# one that never completed (a known class of kernel and libuv hangs). Its thread pool instead.
export UV_USE_IO_URING=0

echo "bootstrap: installing dependencies from the lockfile"
$PNPM install --frozen-lockfile --reporter=silent
# Angular 22 brings TypeScript 6 and Babel 8, which pnpm would hand the workspace's other
# projects as their peers: it installs apart (compat/angular-22/package.json says why). So does
# Angular 20, whose build tools want other peers than the workspace's (its package.json says which).
$PNPM install --frozen-lockfile --ignore-workspace --dir compat/angular-22 --reporter=silent
$PNPM install --frozen-lockfile --ignore-workspace --dir compat/angular-20 --reporter=silent
# The packed apps stage's apps (compat/apps-node24/README.md), each apart: their frameworks
# need Node 22.17+ or 24 (and their install scripts run on it), so pnpm runs on the registry's
# Node 24 that the root install brought (linux-x64 only; elsewhere the stage is skipped).
NODE24_DIR=$(node -p "require('path').dirname(require.resolve('node24-linux-x64/package.json'))" 2>/dev/null || true)
if [ -n "$NODE24_DIR" ] && [ -x "$NODE24_DIR/bin/node" ]; then
  for app in compat/apps-node24/*/; do
    PATH="$NODE24_DIR/bin:$PATH" $PNPM install --frozen-lockfile --ignore-workspace --dir "$app" --reporter=silent
  done
fi

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = "0" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# Browser tests drive Debian's Chromium through playwright-core; test tools cannot download one here.
if [ "${NEED_CHROMIUM:-0}" = "1" ] && [ ! -x /usr/bin/chromium ]; then
  echo "bootstrap: installing Chromium from Debian"
  apt_install chromium
fi

# The server's policy store is tested (and benchmarked) against a real Redis, started by the
# tests themselves on a free port: only the binary is needed.
if [ "${NEED_REDIS:-0}" = "1" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "bootstrap: installing redis-server from Debian"
  apt_install redis-server
  # The package starts a system service; the tests run their own, so stop it if it runs.
  $SUDO service redis-server stop >/dev/null 2>&1 || true
fi
