#!/usr/bin/env bash
# Runs every test of Leitbild.Teams. On a fresh Debian machine (as root) it first installs what the tests need:
# Debian packages (chromium for the tab and Playground tests), the npm folders under tests/node/ (each with its lock file).
# It builds with warnings as errors, runs every test project and ends with the line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
out="$root/.test-out"
rm -rf "$out"
mkdir -p "$out"

log() { printf '\n== %s\n' "$*"; }
fail_early() {
  printf '%s\n' "$1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# 1. Debian packages the tests drive (only what is missing; no browser is ever downloaded by a test tool).
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || packages+=(fonts-dejavu-core)
if [ ${#packages[@]} -gt 0 ]; then
  log "apt-get install ${packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then fail_early "missing Debian packages (${packages[*]}); run as root or install them"; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail_early "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$out/apt.log" 2>&1 || { cat "$out/apt.log"; fail_early "apt-get install failed"; }
fi

# 2. npm packages, one folder per purpose, installed exactly as locked. Skipped when the lock has not changed.
for dir in tests/node/*/; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then continue; fi
  log "npm ci in $dir"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || fail_early "npm ci failed in $dir"
  cp "$dir/package-lock.json" "$stamp"
done

# 3. Build everything once, warnings as errors.
log "dotnet build"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Leitbild.Teams.sln -c Release -warnaserror -nologo -clp:ErrorsOnly \
  || fail_early "build failed"

# 4. Every test project, each with its own result file.
log "dotnet test"
status=0
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$out" || status=1
done

# 5. One summary line from the result files (a project that crashed before writing one counts as a failure).
passed=0 failed=0 skipped=0
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  trx="$out/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "no results from $name" >&2
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then failed=1; fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
