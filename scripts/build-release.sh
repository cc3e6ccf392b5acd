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
# - Generic type metadata through accessor calls, not mangled names
#   (-disable-concrete-type-metadata-mangled-name-accessors). A mangled name is demangled at its
#   first use, and for each generic requirement in it (`T: Hashable`) the runtime looks the
#   conformance up by scanning all 12,000 conformance records of the binary. Those scans were
#   half of the instructions a plugin ran for `providers schema` (callgrind); with accessor calls
#   the compiler passes the witness tables itself, and the plugin runs 28% fewer instructions.
# Terraform hashes the whole binary (SHA-256 against .terraform.lock.hcl) before every command
# starts the plugin, about 0.65 ms per MB, so the build is also tuned for size (BENCHMARKS.md):
# - Optimized for size (-Osize): 2.3 MB less code than -O; the plugin's own work per RPC takes
#   microseconds either way. scripts/symbol-order.txt is recorded from this build.
# - ICU's data cut to root and English (scripts/icu-data-subset.py): 5 MB of the 34 MB Foundation
#   brings.
# - Identical functions folded into one (--icf=all): 3 MB of generic specializations, thunks and
#   witnesses that repeat byte for byte. Swift gives functions no address identity to compare;
#   the read-only data that folds with them is jump tables and constant tables.
# - No unwind tables (scripts/discard-unwind-tables.ld, --no-eh-frame-hdr): 7.4 MB that nothing
#   reads (the script says why). A crash's report is the same without them.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

toolchain_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
if [[ ! -x "${toolchain_bin}/ld.lld" ]] && ! command -v ld.lld >/dev/null; then
  echo "build-release: lld not found: Swift 6 toolchains ship it next to swiftc; else apt-get install lld" >&2
  exit 1
fi

symbol_order="${repo_root}/scripts/symbol-order.txt"
unwind_tables_script="${repo_root}/scripts/discard-unwind-tables.ld"
flags=(
  -c release --static-swift-stdlib --product terraform-provider-dokaseca
  -Xswiftc -Osize
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
  -Xswiftc -Xfrontend -Xswiftc -function-sections
  -Xcc -ffunction-sections -Xcc -fdata-sections
  -Xswiftc -use-ld=lld
  -Xswiftc -Xclang-linker -Xswiftc -no-pie
  -Xlinker --no-export-dynamic
  -Xlinker "--symbol-ordering-file=${symbol_order}"
  -Xlinker --no-warn-symbol-ordering
  -Xlinker --icf=all
  -Xlinker "${unwind_tables_script}"
  -Xlinker --no-eh-frame-hdr
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

# SwiftPM does not know that the order file, the linker script and the ICU data are inputs of the
# link: relink when one changed.
for link_input in "${symbol_order}" "${unwind_tables_script}" "${icu_arguments}"; do
  if [[ "${link_input}" -nt "${binary}" ]]; then rm -f "${binary}"; fi
done
swift build "${flags[@]}" "$@" >&2
# The whole ICU data must be gone: ICU's symbol names the subset, at the same address.
icu_symbols="$(nm "${binary}" | awk '$3 ~ /^(icudt[0-9]+_dat|dokaseca_icu_data_subset)$/ { print $1, $3 }')"
if [[ "$(cut -d' ' -f2 <<<"${icu_symbols}" | sort -u | wc -l)" -ne 2 ||
  "$(cut -d' ' -f1 <<<"${icu_symbols}" | sort -u | wc -l)" -ne 1 ]]; then
  echo "build-release: ICU's data symbol does not name the subset: ${icu_symbols}" >&2
  exit 1
fi
echo "${binary}"
