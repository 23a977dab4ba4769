# Sourced by scripts/launch, scripts/test and bench/run: install what the project needs when it is missing.
# Safe to run again: each step checks first.

SYSTEM_PACKAGES=(libwebkit2gtk-4.1-dev build-essential curl wget file libssl-dev libayatana-appindicator3-dev
  librsvg2-dev libsoup-3.0-dev libxdo-dev pkg-config xvfb xauth webkit2gtk-driver fonts-dejavu-core poppler-utils
  libvips-tools xdotool imagemagick libdbus-1-dev dbus gnome-keyring python3-venv
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good)
# GStreamer's base and good plugins carry the camera into the web view (v4l2src for USB and built-in
# cameras, the video conversion WebKit's media stream needs); WebKitGTK depends on them today, and
# they are named so the camera does not rest on that.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_command() {
  command -v "$1" >/dev/null 2>&1 || { echo "quayside: $1 is missing. $2" >&2; exit 1; }
}

install_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The Chinese font of the PDF exports (fonts/README.md): 19 MB, so not kept in the repository but
# taken from Debian's fonts-noto-cjk package, the file alone (the package is not installed, so the
# machine's own fonts stay as they were and the UI is tested with the fonts it bundles).
CJK_FONT=fonts/NotoSansCJK-Regular.ttc
CJK_FONT_IN_PACKAGE=./usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
install_fonts() {
  [ -s "$CJK_FONT" ] && return
  say "fetching $CJK_FONT from Debian's fonts-noto-cjk package (a 57 MB download)"
  local work
  work=$(mktemp -d)
  if ! (cd "$work" && apt-get download -q fonts-noto-cjk 2>/dev/null); then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    (cd "$work" && apt-get download -q fonts-noto-cjk)
  fi
  dpkg-deb --fsys-tarfile "$work"/fonts-noto-cjk_*.deb | tar -xO "$CJK_FONT_IN_PACKAGE" >"$CJK_FONT.partial"
  rm -rf "$work"
  [ -s "$CJK_FONT.partial" ] || { echo "quayside: $CJK_FONT_IN_PACKAGE is not in fonts-noto-cjk" >&2; exit 1; }
  mv "$CJK_FONT.partial" "$CJK_FONT"
}

check_toolchains() {
  need_command cargo "Install Rust (1.92 or later) with rustup, then run this again."
  need_command node "Install Node.js 20 or later, then run this again."
  need_command npm "Install npm 10 or later, then run this again."
}

# npm ci when node_modules is missing or older than the lock file.
npm_install() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v tauri-driver >/dev/null 2>&1 && return
  say "installing tauri-driver"
  cargo install tauri-driver --locked --version "^2.0"
}

build_ui() {
  say "building the UI"
  (cd ui && npm run --silent build)
}

# Build one benchmark and print its executable's path, so runs time no cargo bookkeeping.
#   bench_executable PROFILE PACKAGE BENCH      (PROFILE: bench for release, dev for a quick check)
bench_executable() {
  cargo bench --profile "$1" -p "$2" --bench "$3" --no-run --message-format=json-render-diagnostics |
    node -e '
      const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map(JSON.parse);
      const built = lines.find((m) => m.reason === "compiler-artifact" && m.target.name === process.argv[1] && m.executable);
      if (!built) process.exit(1);
      console.log(built.executable);' "$3"
}

# schemathesis (PyPI), the schema-driven fuzzer of the server's OpenAPI document, in a venv of its
# own under target/, pinned; prints the path of its `st` command.
SCHEMATHESIS_VERSION=4.32.5
schemathesis_command() {
  local venv=target/schemathesis-venv
  if [ ! -x "$venv/bin/st" ] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    say "installing schemathesis $SCHEMATHESIS_VERSION in $venv"
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION" >&2
  fi
  echo "$PWD/$venv/bin/st"
}
