#!/usr/bin/env bash
# The one release build of terraform-provider-dokaseca (`make build`, `make install`,
# scripts/release.sh and the benchmarks use it). Prints the binary's path on stdout; the binary
# keeps its symbols (install and release strip it).
#
# Usage: scripts/build-release.sh [extra swift build arguments, e.g. --scratch-path DIR]
#
# Terraform starts a provider 3 to 4 times per command, so the link is tuned for start-up and
# resident memory, not only for speed:
# - --static-swift-stdlib: the Swift runtime and Foundation linked in, so the binary runs alone.
# - lld, not the default gold: it honours the symbol order below.
# - Every function in its own section (Swift's -function-sections, C's -ffunction-sections and
#   -fdata-sections, which also lets the linker drop what nothing references),
#   laid out by scripts/symbol-order.txt: the functions a plugin start, schema load and plan
#   run sit together instead of spread over 33 MB of code. Each first touch of a code page maps
#   a 64 KB window around it, so this is most of the plugin's resident memory and page faults.
#   benchmarks/symbol_order.py rewrites the list; names it no longer finds are ignored.
# - Not position-independent (-no-pie), as Go links providers: the loader has no 148,000
#   relative relocations to apply at each start, and the pages they would dirty stay clean and
#   shared.
# - --no-export-dynamic: the toolchain's static-stdlib flags export every symbol (57,000), which
#   only costs the loader symbol tables to map.
# - ICU's data cut to root and English (scripts/icu-data-subset.py): 5 MB of the 34 MB Foundation
#   brings, which Terraform would otherwise hash on every command.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

toolchain_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
if [[ ! -x "${toolchain_bin}/ld.lld" ]] && ! command -v ld.lld >/dev/null; then
  echo "build-release: lld not found: Swift 6 toolchains ship it next to swiftc; else apt-get install lld" >&2
  exit 1
fi

symbol_order="${repo_root}/scripts/symbol-order.txt"
flags=(
  -c release --static-swift-stdlib --product terraform-provider-dokaseca
  -Xswiftc -Xfrontend -Xswiftc -function-sections
  -Xcc -ffunction-sections -Xcc -fdata-sections
  -Xswiftc -use-ld=lld
  -Xswiftc -Xclang-linker -Xswiftc -no-pie
  -Xlinker --no-export-dynamic
  -Xlinker "--symbol-ordering-file=${symbol_order}"
  -Xlinker --no-warn-symbol-ordering
)
bin_path="$(swift build "${flags[@]}" "$@" --show-bin-path)"
binary="${bin_path}/terraform-provider-dokaseca"

icu_subset="${bin_path}/icu-data-subset"
icu_arguments="${icu_subset}/linker-arguments"
icu_archive="${toolchain_bin}/../lib/swift_static/linux/lib_FoundationICU.a"
if [[ ! -f "${icu_arguments}" || ! -f "$(head -n 1 "${icu_arguments}")" || "${icu_archive}" -nt "${icu_arguments}" ||
  scripts/icu-data-subset.py -nt "${icu_arguments}" ]]; then
  python3 scripts/icu-data-subset.py --output-dir "${icu_subset}" --archive "${icu_archive}" >/dev/null
fi
while read -r argument; do flags+=(-Xlinker "${argument}"); done <"${icu_arguments}"

# SwiftPM does not know the order file and the ICU data are inputs of the link: relink when
# either changed.
if [[ "${symbol_order}" -nt "${binary}" || "${icu_arguments}" -nt "${binary}" ]]; then rm -f "${binary}"; fi
swift build "${flags[@]}" "$@" >&2
# The whole ICU data must be gone: ICU's symbol names the subset, at the same address.
icu_symbols="$(nm "${binary}" | awk '$3 ~ /^(icudt[0-9]+_dat|dokaseca_icu_data_subset)$/ { print $1, $3 }')"
if [[ "$(cut -d' ' -f2 <<<"${icu_symbols}" | sort -u | wc -l)" -ne 2 ||
  "$(cut -d' ' -f1 <<<"${icu_symbols}" | sort -u | wc -l)" -ne 1 ]]; then
  echo "build-release: ICU's data symbol does not name the subset: ${icu_symbols}" >&2
  exit 1
fi
echo "${binary}"
