#!/usr/bin/env python3
"""Write the part of ICU's data the release binary links in place of the whole 34 MB.

`--static-swift-stdlib` links Foundation, and with it ICU's data as one symbol,
`icudtNN_dat`, in its own member of the toolchain's `lib_FoundationICU.a`. Terraform hashes the
provider's file on every command (SHA-256 against .terraform.lock.hcl), so those 34 MB cost
every plan and every schema load, while the provider formats nothing for humans in other
languages. This script reads that member, keeps the items below, and assembles an object that
holds them under a symbol of its own. The link defines ICU's symbol as that one
(`--defsym`, which overrides a definition from an input file), so nothing references the
member's data any more and `--gc-sections` drops it; ICU reads the subset through its usual
lookup and falls back to root data for anything else, as for any locale it has no data for.
(Defining `icudtNN_dat` itself does not work: the member is fetched as soon as ICU's loader
is, before an object given after the libraries, and the two definitions clash.)

Kept: everything locale-independent (properties, normalization, collation root, time zones,
calendars, supplemental data, break rules) and the locale data of root, en, en_001, en_US and
en_US_POSIX: Foundation's Locale.current on Linux is en_001 whatever LANG says, and Yams asks
for en_US and en_US_POSIX. Left out:
- other languages' locale data (month names, currency names, collation tailorings, ...);
- legacy charset converters (*.cnv): CoreFoundation's non-Unicode string encodings; the
  provider reads and writes UTF-8 only;
- word-break dictionaries for CJK, Thai, Lao, Khmer and Burmese (brkitr/*.dict): dictionary
  word segmentation, which the provider never asks for (ICU falls back to its rules);
- transliterators (translit/): Foundation's StringTransform only.

The data's format is ICU's "common data" package (`CmnD`): a header, a table of contents of
(name offset, data offset) pairs relative to the table's start, the NUL-terminated names, then
the items, each 16-byte aligned, in name order (ICU binary-searches the table).

Usage: scripts/icu-data-subset.py --output-dir DIR [--archive lib_FoundationICU.a] [--clang CLANG]
Writes DIR/linker-arguments, one argument per line, for the link (the object and the --defsym),
and prints its path.
"""

import argparse
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile

KEPT_LOCALES = {"root", "en", "en_001", "en_US", "en_US_POSIX"}
# Locale bundles are named by locale ID (language subtag, then _-separated parts; collation
# keeps keyword variants such as de__PHONEBOOK); res_index lists a tree's locales.
LOCALE_BUNDLE = re.compile(r"^(root|[a-z]{2,3}(_[A-Za-z0-9]*)*)\.res$")
NOT_LOCALES = {"res_index.res"}
ALIGNMENT = 16
SUBSET_SYMBOL = "dokaseca_icu_data_subset"


def keeps(item: str) -> bool:
    """Whether the subset keeps an item, named as in the package (`icudt76l/coll/de.res`)."""
    path = item.split("/", 1)[1]
    tree, _, base = path.rpartition("/")
    if tree == "translit" or base.endswith(".cnv") or base.endswith(".dict"):
        return False
    if base not in NOT_LOCALES and LOCALE_BUNDLE.match(base):
        return base[: -len(".res")] in KEPT_LOCALES
    return True


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of a little-endian common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    big_endian = data[8]
    data_format = data[12:16]
    if (magic1, magic2) != (0xDA, 0x27) or data_format != b"CmnD" or big_endian:
        sys.exit("icu-data-subset: not a little-endian ICU common data package (CmnD)")
    (count,) = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * index) for index in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name_start = header_size + name_offset
        name = data[name_start : data.index(b"\0", name_start)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_offset : header_size + end]))
    return data[:header_size], items


def padded(length: int) -> int:
    return (length + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package of the items, in the given (name) order, laid out as ICU's own tool does."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = padded(table_size + len(names))
    entries = []
    name_offset = table_size
    for name, item in items:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        offset += padded(len(item))
    body = struct.pack("<I", len(items)) + b"".join(entries) + names
    body += b"\0" * (padded(len(body)) - len(body))
    for _, item in items:
        body += item + b"\0" * (padded(len(item)) - len(item))
    return header + body


def packaged_data(archive: pathlib.Path, scratch: pathlib.Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes, from the archive member that defines it."""
    symbols = subprocess.run(["nm", "-A", "-S", str(archive)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^[^:]+:([^:\s]+):\s*[0-9a-f]+ ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.M)
    if not match:
        sys.exit(f"icu-data-subset: no icudtNN_dat data symbol in {archive}")
    member, size, symbol = match.group(1), int(match.group(2), 16), match.group(3)
    subprocess.run(["ar", "x", str(archive), member], cwd=scratch, check=True)
    section = scratch / "rodata.bin"
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", member, section.name], cwd=scratch, check=True)
    data = section.read_bytes()
    if len(data) != size:
        sys.exit(f"icu-data-subset: {member}'s .rodata is {len(data)} bytes, {symbol} {size}: not the layout expected")
    return symbol, data


def assemble(package: pathlib.Path, clang: str, output: pathlib.Path) -> None:
    source = output.with_suffix(".S")
    source.write_text(
        f'\t.section .rodata.{SUBSET_SYMBOL},"a"\n'
        f"\t.balign {ALIGNMENT}\n"
        f"\t.globl {SUBSET_SYMBOL}\n"
        f"\t.type {SUBSET_SYMBOL},@object\n"
        f"{SUBSET_SYMBOL}:\n"
        f'\t.incbin "{package.resolve()}"\n'
        f"\t.size {SUBSET_SYMBOL}, . - {SUBSET_SYMBOL}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    subprocess.run([clang, "-c", str(source), "-o", str(output)], check=True)


def toolchain_file(relative: str) -> pathlib.Path:
    swiftc = shutil.which("swiftc")
    if not swiftc:
        sys.exit("icu-data-subset: swiftc not on PATH; give --archive and --clang")
    return pathlib.Path(swiftc).resolve().parent.parent / relative


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=pathlib.Path, required=True)
    parser.add_argument("--archive", type=pathlib.Path, help="default: the toolchain's static lib_FoundationICU.a")
    parser.add_argument("--clang", help="default: the clang next to swiftc")
    arguments = parser.parse_args()
    archive = arguments.archive or toolchain_file("lib/swift_static/linux/lib_FoundationICU.a")
    clang = arguments.clang or str(toolchain_file("bin/clang"))
    arguments.output_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as scratch:
        symbol, data = packaged_data(archive, pathlib.Path(scratch))
    header, items = read_package(data)
    kept = [(name, item) for name, item in items if keeps(name)]
    package = arguments.output_dir / "icu-data-subset.dat"
    package.write_bytes(write_package(header, kept))
    obj = arguments.output_dir / "icu-data-subset.o"
    assemble(package, clang, obj)
    linker_arguments = arguments.output_dir / "linker-arguments"
    linker_arguments.write_text(f"{obj.resolve()}\n--defsym={symbol}={SUBSET_SYMBOL}\n")
    print(
        f"icu-data-subset: {symbol}: kept {len(kept)} of {len(items)} items, "
        f"{package.stat().st_size / 1e6:.1f} of {len(data) / 1e6:.1f} MB",
        file=sys.stderr,
    )
    print(linker_arguments)


if __name__ == "__main__":
    main()
