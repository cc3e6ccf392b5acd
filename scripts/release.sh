#!/usr/bin/env bash
# Builds a release of terraform-provider-dokaseca and packs it as the Terraform Registry and
# `terraform providers mirror` lay providers out:
#
#   dist/terraform-provider-dokaseca_<version>_linux_amd64.zip     (terraform-provider-dokaseca_v<version> inside)
#   dist/terraform-provider-dokaseca_<version>_manifest.json       (terraform-registry-manifest.json)
#   dist/terraform-provider-dokaseca_<version>_SHA256SUMS          (of the zip and the manifest)
#   dist/terraform-provider-dokaseca_<version>_SHA256SUMS.sig      (only with GPG_FINGERPRINT set)
#   dist/mirror/registry.terraform.io/dokaseca/dokaseca/terraform-provider-dokaseca_<version>_linux_amd64.zip
#
# dist/mirror is a packed filesystem mirror: point a CLI configuration's filesystem_mirror at it,
# or run `terraform providers lock -fs-mirror=dist/mirror -platform=linux_amd64
# registry.terraform.io/dokaseca/dokaseca` in a configuration to record the hashes.
#
# Usage: scripts/release.sh [--binary PATH] [--output DIR] VERSION
#   VERSION         0.1.0 or v0.1.0 (a leading v is dropped)
#   --binary PATH   pack this executable instead of building one (tests, or a build made elsewhere)
#   --output DIR    where to write (default: dist in the repository)
#
# The build is scripts/build-release.sh (the Swift runtime linked in, so the binary runs
# without a toolchain); the binary is stripped before it is packed. The zip's
# timestamps come from SOURCE_DATE_EPOCH (default: the last commit's time), so packing the same
# binary twice gives the same zip and the same checksums.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly name="terraform-provider-dokaseca"
readonly platform="linux_amd64"
readonly mirror_path="registry.terraform.io/dokaseca/dokaseca"

log() { printf 'release: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
usage() { sed -n '/^# Usage:/,/^# *--output/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

binary=""
output="${repo_root}/dist"
version=""
while (($#)); do
  case "$1" in
    --binary) [[ $# -ge 2 ]] || usage; binary="$2"; shift 2 ;;
    --binary=*) binary="${1#*=}"; shift ;;
    --output) [[ $# -ge 2 ]] || usage; output="$2"; shift 2 ;;
    --output=*) output="${1#*=}"; shift ;;
    -h | --help) usage ;;
    -*) log "unknown option $1"; usage ;;
    *) [[ -z "${version}" ]] || usage; version="$1"; shift ;;
  esac
done
[[ -n "${version}" ]] || usage
version="${version#v}"
[[ "${version}" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
  || die "version ${version} is not a semantic version such as 0.1.0 or 1.2.0-rc.1"
for tool in zip strip sha256sum; do
  command -v "${tool}" >/dev/null || die "${tool} not found; install it (apt-get install zip binutils coreutils)"
done

if [[ -z "${binary}" ]]; then
  log "building ${name} (release, static Swift runtime)"
  binary="$("${repo_root}/scripts/build-release.sh")"
fi
[[ -x "${binary}" ]] || die "${binary} is not an executable"

mkdir -p "${output}"
output="$(cd "${output}" && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "${stage}"' EXIT

executable="${name}_v${version}"
zip_name="${name}_${version}_${platform}.zip"
manifest_name="${name}_${version}_manifest.json"
sums_name="${name}_${version}_SHA256SUMS"

cp "${binary}" "${stage}/${executable}"
chmod 0755 "${stage}/${executable}"
strip "${stage}/${executable}"
epoch="${SOURCE_DATE_EPOCH:-$(git -C "${repo_root}" log -1 --format=%ct 2>/dev/null || date +%s)}"
touch -d "@${epoch}" "${stage}/${executable}"
rm -f "${output}/${zip_name}" "${output}/${sums_name}" "${output}/${sums_name}.sig"
# -X: no extra attributes (uid/gid, atime), so the archive depends on the binary and epoch only.
(cd "${stage}" && zip -q -X "${output}/${zip_name}" "${executable}")

cp "${repo_root}/terraform-registry-manifest.json" "${output}/${manifest_name}"
(cd "${output}" && sha256sum "${zip_name}" "${manifest_name}" >"${sums_name}")
if [[ -n "${GPG_FINGERPRINT:-}" ]]; then
  gpg --batch --yes --local-user "${GPG_FINGERPRINT}" --output "${output}/${sums_name}.sig" \
    --detach-sign "${output}/${sums_name}"
fi

mkdir -p "${output}/mirror/${mirror_path}"
cp "${output}/${zip_name}" "${output}/mirror/${mirror_path}/${zip_name}"

log "packed ${executable} ($(du -h "${stage}/${executable}" | cut -f1) stripped) into ${output}:"
(cd "${output}" && ls -1 "${zip_name}" "${manifest_name}" "${sums_name}" "mirror/${mirror_path}/${zip_name}") >&2
