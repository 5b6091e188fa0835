#!/bin/sh
# Everything `npm start`, `npm test`, `npm run bench` and `npm run scrape` need on a fresh machine:
# Node.js 22, the npm dependencies, the Debian tools, a build. Then it runs the command.
set -eu
cd "$(dirname "$0")/.."
command_name="${1:-start}"
[ $# -gt 0 ] && shift

say() { printf 'bootstrap  | %s\n' "$*"; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Node.js 22 from the npm registry when the one on PATH is older.
if [ "$(node_major)" -lt 22 ]; then
  prefix=/usr/local
  [ -w "$prefix/lib" ] || prefix="$PWD/.data/node"
  if [ "$(node_major "$prefix/bin/node")" -lt 22 ]; then
    say "Node.js $(node -v 2>/dev/null || echo missing) is older than 22: installing node@22 from the npm registry into $prefix"
    npm i -g --prefix "$prefix" node@22 >/dev/null
  fi
  PATH="$prefix/bin:$PATH"
  export PATH
  say "using Node.js $(node -v)"
fi

# Debian tools the platform and its tests use (ffmpeg for media, chromium for the scraper, flite for test speech).
sh scripts/ensure-system-packages.sh "$command_name"

# npm dependencies: a clean install when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

say "building (tsc -b)"
npx tsc -b

case "$command_name" in
  start) exec node tools/dist/src/cli/start-platform.js "$@" ;;
  test)
    node scripts/subgraph-schemas.js --check
    exec node tools/dist/src/cli/run-tests.js "$@"
    ;;
  bench) exec node tools/dist/src/cli/run-benchmarks.js "$@" ;;
  scrape) exec node scraper/dist/src/main.js "$@" ;;
  reindex) exec node subgraphs/transcripts/dist/src/search/reindex-cli.js "$@" ;;
  *) say "unknown command $command_name"; exit 2 ;;
esac
