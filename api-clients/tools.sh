#!/usr/bin/env bash
# The npm tools of the API checks, pinned in package.json/package-lock.json and installed here (node_modules/):
#   tools.sh install   npm ci when node_modules is missing or older than the lock file
#   tools.sh lint      Redocly CLI lints every document listed in redocly.yaml (0 errors, 0 warnings)
#   tools.sh tsc       tsc compiles the TypeScript clients generated under target/generated-ts
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

case ${1:-} in
  install)
    command -v npm >/dev/null || { echo "npm is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
    if [ ! -x node_modules/.bin/redocly ] || [ ! -x node_modules/.bin/tsc ] \
        || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi ;;
  lint)
    # every document of redocly.yaml; Redocly fails on errors only, warnings fail here too: a rule that does not
    # apply is turned down in the config with its reason, so a warning is always something to fix
    set +e
    out=$(node_modules/.bin/redocly lint --max-problems 1000 --format stylish 2>&1)
    status=$?
    set -e
    grep -v '[║╔╚]' <<<"$out" | sed '/^\s*$/d'
    [ "$status" -eq 0 ] || exit "$status"
    if grep -Eq 'You have [0-9]+ warnings?' <<<"$out"; then
      echo "Redocly: warnings left (fix the document, or turn the rule down in redocly.yaml with the reason)" >&2
      exit 1
    fi ;;
  tsc)
    node_modules/.bin/tsc -p tsconfig.json
    echo "tsc: the TypeScript clients of $(find target/generated-ts -mindepth 1 -maxdepth 1 -type d | wc -l) documents compile" ;;
  *) echo "usage: tools.sh install|lint|tsc" >&2; exit 2 ;;
esac
