#!/usr/bin/env bash
# Regenerates Sources/TerraformPluginProtocol/Generated/ from every .proto under proto/.
#
# What it needs:
#   - protoc with the well-known types (google/protobuf/*.proto):
#       apt-get install protobuf-compiler        (tested with libprotoc 3.21.12)
#   - a Swift 6 toolchain and git (to build the two protoc plugins from source).
#
# The protoc plugins are built from source, in debug mode, into a cache outside the repository
# (default ~/.cache/dokaseca-protoc-plugins; override with DOKASECA_PROTOC_PLUGIN_CACHE):
#   - protoc-gen-swift          from apple/swift-protobuf        1.39.0  (messages)
#   - protoc-gen-grpc-swift-2   from grpc/grpc-swift-protobuf    2.4.1   (gRPC Swift 2 client+server)
# The versions match the runtime libraries in Package.swift; bump them together.
#
# Time: the first run clones and builds both plugins, about 2-3 minutes on a 2-core machine
# (longer while another Swift build is running). Later runs reuse the cached plugins and take a
# few seconds. The output is deterministic: running the script twice leaves no diff.
#
# Environment overrides: PROTOC (protoc binary), DOKASECA_PROTOC_PLUGIN_CACHE (plugin cache).
set -euo pipefail

readonly SWIFT_PROTOBUF_VERSION="1.39.0"
readonly GRPC_SWIFT_PROTOBUF_VERSION="2.4.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
proto_dir="${repo_root}/proto"
out_dir="${repo_root}/Sources/TerraformPluginProtocol/Generated"
cache_dir="${DOKASECA_PROTOC_PLUGIN_CACHE:-${HOME}/.cache/dokaseca-protoc-plugins}"
protoc="${PROTOC:-protoc}"

log() { printf 'generate-protos: %s\n' "$*" >&2; }

command -v "${protoc}" >/dev/null || {
  log "protoc not found; install it with: apt-get install protobuf-compiler"
  exit 1
}

# build_plugin NAME VERSION URL PRODUCT
# Ensures ${cache_dir}/bin/NAME-VERSION/PRODUCT exists, building it from a clone of URL at tag
# VERSION when it does not, and prints its path.
build_plugin() {
  local name="$1" version="$2" url="$3" product="$4"
  local src="${cache_dir}/src/${name}-${version}"
  local bin_dir="${cache_dir}/bin/${name}-${version}"
  local bin="${bin_dir}/${product}"

  if [[ ! -x "${bin}" ]]; then
    log "building ${product} from ${name} ${version} (first run only; takes a few minutes)"
    if [[ ! -d "${src}/.git" ]]; then
      rm -rf "${src}"
      mkdir -p "$(dirname "${src}")"
      git -c advice.detachedHead=false clone --quiet --branch "${version}" "${url}" "${src}"
    fi
    (
      cd "${src}"
      if [[ "$(git describe --tags --exact-match HEAD)" != "${version}" ]]; then
        log "${src} is not checked out at ${version}; delete it and rerun"
        exit 1
      fi
      if [[ "${name}" == "grpc-swift-protobuf" ]]; then
        # Build the gRPC generator against the same swift-protobuf release as protoc-gen-swift.
        swift package resolve >/dev/null
        swift package resolve swift-protobuf --version "${SWIFT_PROTOBUF_VERSION}" >/dev/null
      fi
      swift build --product "${product}" >&2
      mkdir -p "${bin_dir}"
      cp "$(swift build --show-bin-path)/${product}" "${bin}.tmp"
      mv "${bin}.tmp" "${bin}"
    )
  fi
  printf '%s\n' "${bin}"
}

protoc_gen_swift="$(build_plugin swift-protobuf "${SWIFT_PROTOBUF_VERSION}" \
  https://github.com/apple/swift-protobuf.git protoc-gen-swift)"
protoc_gen_grpc_swift="$(build_plugin grpc-swift-protobuf "${GRPC_SWIFT_PROTOBUF_VERSION}" \
  https://github.com/grpc/grpc-swift-protobuf.git protoc-gen-grpc-swift-2)"

# Proto files relative to proto/, in a stable order.
mapfile -t protos < <(cd "${proto_dir}" && find . -name '*.proto' -type f | sed 's|^\./||' | LC_ALL=C sort)
if [[ ${#protos[@]} -eq 0 ]]; then
  log "no .proto files under ${proto_dir}"
  exit 1
fi

rm -rf "${out_dir}"
mkdir -p "${out_dir}"

# FileNaming=PathToUnderscores keeps the output folder flat (plugin/grpc_stdio.proto becomes
# plugin_grpc_stdio.pb.swift and plugin_grpc_stdio.grpc.swift).
(
  cd "${proto_dir}"
  "${protoc}" \
    --proto_path=. \
    --plugin=protoc-gen-swift="${protoc_gen_swift}" \
    --swift_out="${out_dir}" \
    --swift_opt=Visibility=Public,FileNaming=PathToUnderscores \
    --plugin=protoc-gen-grpc-swift-2="${protoc_gen_grpc_swift}" \
    --grpc-swift-2_out="${out_dir}" \
    --grpc-swift-2_opt=Visibility=Public,Server=true,Client=true,FileNaming=PathToUnderscores \
    "${protos[@]}"
)

log "generated $(find "${out_dir}" -name '*.swift' | wc -l) files in ${out_dir#"${repo_root}/"}"
