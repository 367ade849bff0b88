# The web app (frontend/): Node, its dependencies, its build, and the browser its end-to-end tests
# drive. Sourced by the scripts in scripts/, from the repository root.

SAMOKODER_NODE_MIN="20.19"
# Playwright drives Debian's Chromium; it must never download browsers (closed networks, CI).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# True when Node (at least SAMOKODER_NODE_MIN) and npm are on PATH; says why not otherwise.
samokoder_have_node() {
  local version
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Node.js $SAMOKODER_NODE_MIN+ with npm is not installed (https://nodejs.org, or your distribution's nodejs and npm packages)" >&2
    return 1
  fi
  version=$(node -p 'process.versions.node')
  if ! node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    const [wantMajor, wantMinor] = process.argv[1].split(".").map(Number);
    process.exit(major > wantMajor || (major === wantMajor && minor >= wantMinor) ? 0 : 1);' "$SAMOKODER_NODE_MIN"; then
    echo "Node.js $version is too old: the web app's build needs $SAMOKODER_NODE_MIN or newer" >&2
    return 1
  fi
}

samokoder_require_node() {
  if ! samokoder_have_node; then
    echo "error: the web app needs Node.js (above)" >&2
    return 1
  fi
}

# npm ci when node_modules is missing or older than the lock file (always in CI).
samokoder_frontend_deps() {
  if [ "${CI:-}" = "true" ] || [ ! -f frontend/node_modules/.package-lock.json ] \
    || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
    echo "installing the web app's dependencies (npm ci)..." >&2
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# True when frontend/dist is missing or older than anything it is built from.
samokoder_frontend_stale() {
  local built=frontend/dist/index.html
  [ -f "$built" ] || return 0
  [ -n "$(find frontend/src frontend/public frontend/index.html frontend/package.json frontend/package-lock.json \
    frontend/vite.config.ts frontend/tsconfig.json frontend/tsconfig.app.json -newer "$built" -print -quit 2>/dev/null)" ]
}

# Builds frontend/dist (type check, then Vite), quietly unless it fails.
samokoder_build_frontend() {
  local log
  samokoder_frontend_deps
  echo "building the web app (frontend/dist)..." >&2
  if ! log=$(cd frontend && npm run build 2>&1); then
    echo "$log" >&2
    echo "error: the web app's build failed (above)" >&2
    return 1
  fi
}

# Finds Debian's Chromium for the end-to-end tests and exports SAMOKODER_CHROMIUM; in CI
# (CI=true) installs it with apt when it is missing.
samokoder_require_chromium() {
  local candidate
  for candidate in "${SAMOKODER_CHROMIUM:-}" /usr/bin/chromium "$(command -v chromium 2>/dev/null)" "$(command -v chromium-browser 2>/dev/null)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      export SAMOKODER_CHROMIUM="$candidate"
      return 0
    fi
  done
  if [ "${CI:-}" = "true" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (apt) for the end-to-end tests..." >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium
    export SAMOKODER_CHROMIUM=/usr/bin/chromium
    return 0
  fi
  echo "error: the end-to-end tests need Chromium: apt-get install chromium (Debian/Ubuntu), or set SAMOKODER_CHROMIUM to its path" >&2
  return 1
}
