#!/usr/bin/env bash
# Installs a Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager) for the
# kind-compatible test tool `dokaseca-kind`, on a machine with no Docker and no internet beyond
# Debian's package archive.
#
# Where the binaries come from:
#   - etcd: Debian's `etcd-server` package (3.4.23), linked from /usr/bin/etcd.
#   - kube-apiserver and kube-controller-manager: built from Debian bookworm's source package
#     `kubernetes` (1.20.2, it ships its `vendor/` tree), in GOPATH mode through the upstream
#     Makefile, with Debian's Go 1.19 and GOPROXY=off. The vendored modern-go/reflect2 1.0.1 is
#     replaced by Debian's 1.0.2 first: 1.0.1 makes the apiserver crash under Go 1.19 on the
#     first server-side apply.
#
# The binaries are cached outside the repository, in
#   ${DOKASECA_KUBE_CACHE:-$HOME/.cache/dokaseca/kube}/1.20.2/bin/{etcd,kube-apiserver,kube-controller-manager}
# and the script is idempotent: when they are there (or KUBEBUILDER_ASSETS names a folder with
# etcd and kube-apiserver, the controller-runtime envtest convention) it does nothing.
#
# Progress goes to stderr; the last line on stdout is the folder with the binaries, so
#   export DOKASECA_KUBE_BIN="$(scripts/install-kube-control-plane.sh | tail -n1)"
# works. A cold run costs about 12 minutes of CPU on 2 cores (code generators, then the two
# binaries; measured 11m41s user, 32 min wall while other builds shared the cores); the build
# tree with its ~1.1 GB Go cache is deleted afterwards, leaving ~215 MB of binaries. A warm run
# (binaries cached) returns at once. Also installs curl, which dokaseca-kind and its tests use.
#
# Environment:
#   DOKASECA_KUBE_CACHE  cache root (default $HOME/.cache/dokaseca/kube)
#   KUBEBUILDER_ASSETS   an existing folder with etcd and kube-apiserver: used as is
#   KEEP_KUBE_BUILD=1    keep the unpacked source tree after a successful build (for debugging)
set -euo pipefail

KUBE_VERSION=1.20.2
DEB_VERSION='1.20.5+really1.20.2-1.1+deb12u1'
CACHE_ROOT="${DOKASECA_KUBE_CACHE:-$HOME/.cache/dokaseca/kube}"
PREFIX="$CACHE_ROOT/$KUBE_VERSION"
BIN="$PREFIX/bin"
WORK="$PREFIX/work"

log() { printf '%s [install-kube-control-plane] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

have_binaries() {
  local dir="$1"
  [[ -x "$dir/etcd" && -x "$dir/kube-apiserver" ]]
}

# --- already installed? -------------------------------------------------------------------------
if [[ -n "${KUBEBUILDER_ASSETS:-}" ]] && have_binaries "$KUBEBUILDER_ASSETS"; then
  log "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
  echo "$KUBEBUILDER_ASSETS"
  exit 0
fi
if have_binaries "$BIN" && [[ -x "$BIN/kube-controller-manager" ]]; then
  log "already installed in $BIN"
  echo "$BIN"
  exit 0
fi

start=$(date +%s)
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install"
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# --- build dependencies from apt ----------------------------------------------------------------
need_pkgs=()
for p in golang-go rsync etcd-server golang-github-modern-go-reflect2-dev dpkg-dev make curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if ((${#need_pkgs[@]})); then
  log "apt-get install ${need_pkgs[*]}"
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
fi
GO=/usr/lib/go-1.19/bin/go
[[ -x "$GO" ]] || GO="$(command -v go)" || die "no go toolchain after installing golang-go"
export PATH="$(dirname "$GO"):$PATH"
log "using $(go version)"

mkdir -p "$BIN" "$WORK"

# --- the kubernetes source package, through a private deb-src list ------------------------------
# /etc/apt is left alone: the deb-src entries live in $WORK/apt and apt is pointed at them with -o.
src_dir="$WORK/src"
tree=""
if [[ -d "$src_dir" ]]; then
  tree="$(find "$src_dir" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' | head -n1)"
fi
if [[ -z "$tree" || ! -f "$tree/.dokaseca-unpacked" ]]; then
  rm -rf "$src_dir"
  mkdir -p "$src_dir" "$WORK/apt/sources.list.d" "$WORK/apt/lists/partial"
  # Mirror URIs this machine uses for Debian, from deb822 .sources and one-line .list files.
  mapfile -t uris < <(
    {
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; break } }'
    } | grep -E '/debian/?$' | sort -u
  )
  ((${#uris[@]})) || uris=("http://deb.debian.org/debian")
  sec_uris=()
  while read -r u; do sec_uris+=("$u"); done < <(
    {
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; break } }'
    } | grep -E '/debian-security/?$' | sort -u
  )
  list="$WORK/apt/sources.list.d/dokaseca-kube-src.list"
  : >"$list"
  for u in "${uris[@]}"; do
    echo "deb-src $u bookworm main" >>"$list"
    echo "deb-src $u bookworm-updates main" >>"$list"
  done
  for u in "${sec_uris[@]}"; do echo "deb-src $u bookworm-security main" >>"$list"; done
  log "private source list: $(tr '\n' ';' <"$list")"
  apt_opts=(
    -o "Dir::Etc::SourceList=$list"
    -o "Dir::Etc::SourceParts=$WORK/apt/sources.list.d"
    -o "Dir::State::Lists=$WORK/apt/lists"
    -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
    -o "APT::Sandbox::User=root"
  )
  log "apt-get update (deb-src only, private lists)"
  apt-get "${apt_opts[@]}" update -qq >&2
  log "apt-get source --download-only kubernetes=$DEB_VERSION"
  (cd "$src_dir" && apt-get "${apt_opts[@]}" source --download-only "kubernetes=$DEB_VERSION" >&2) \
    || (cd "$src_dir" && log "exact version not found; trying the newest kubernetes source" \
      && apt-get "${apt_opts[@]}" source --download-only kubernetes >&2)
  dsc="$(ls "$src_dir"/kubernetes_*.dsc | head -n1)"
  log "unpacking $(basename "$dsc")"
  (cd "$src_dir" && dpkg-source --no-check -x "$dsc" >&2)
  tree="$(find "$src_dir" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' | head -n1)"
  [[ -d "$tree/vendor" ]] || die "the unpacked source $tree has no vendor/ folder"
  # Debian's reflect2 1.0.2 instead of the vendored 1.0.1 (crashes under Go 1.19).
  reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
  [[ -f "$reflect2/reflect2.go" ]] || die "no reflect2 sources in $reflect2"
  rm -rf "$tree/vendor/github.com/modern-go/reflect2"
  mkdir -p "$tree/vendor/github.com/modern-go/reflect2"
  find "$reflect2" -maxdepth 1 -type f -name '*.go' ! -name '*_test.go' \
    -exec cp {} "$tree/vendor/github.com/modern-go/reflect2/" \;
  [[ -f "$reflect2/go_above_118.go" || -n "$(ls "$tree/vendor/github.com/modern-go/reflect2")" ]]
  touch "$tree/.dokaseca-unpacked"
fi
log "source tree: $tree"

# --- build --------------------------------------------------------------------------------------
# No .git in the tree: give hack/lib/version.sh the version through a version file.
cat >"$WORK/version.env" <<EOF
KUBE_GIT_COMMIT='faecb196815e248d3ecfb03c680a4507229c2a56'
KUBE_GIT_TREE_STATE='clean'
KUBE_GIT_VERSION='v$KUBE_VERSION'
KUBE_GIT_MAJOR='1'
KUBE_GIT_MINOR='20'
EOF
build() {
  (
    cd "$tree"
    export GOPROXY=off CGO_ENABLED=0
    export KUBE_GIT_VERSION_FILE="$WORK/version.env"
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager" >&2
  )
}
built() {
  local out="$tree/_output/bin"
  [[ -x "$out/kube-apiserver" && -x "$out/kube-controller-manager" ]]
}
log "building kube-apiserver and kube-controller-manager (about 11 minutes cold on 2 cores)"
if ! build || ! built; then
  # A first run without rsync (or interrupted) can leave an empty code generator behind.
  log "build failed or incomplete; removing _output and retrying once"
  rm -rf "$tree/_output"
  build || die "make failed"
  built || die "make finished but the binaries are missing from $tree/_output/bin"
fi

install -m 0755 "$tree/_output/bin/kube-apiserver" "$BIN/kube-apiserver.tmp"
install -m 0755 "$tree/_output/bin/kube-controller-manager" "$BIN/kube-controller-manager.tmp"
mv -f "$BIN/kube-apiserver.tmp" "$BIN/kube-apiserver"
mv -f "$BIN/kube-controller-manager.tmp" "$BIN/kube-controller-manager"
ln -sf /usr/bin/etcd "$BIN/etcd"
# (no pipes into head here: under pipefail a SIGPIPE'd etcd would fail the script)
log "built $("$BIN/kube-apiserver" --version 2>&1 || true)"
etcd_version="$("$BIN/etcd" --version 2>&1 || true)"
log "etcd: ${etcd_version%%$'\n'*}"

if [[ "${KEEP_KUBE_BUILD:-}" != 1 ]]; then
  rm -rf "$WORK"
fi
log "done in $(($(date +%s) - start)) s"
echo "$BIN"
