#!/usr/bin/env python3
"""Writes scripts/symbol-order.txt: the functions the plugin runs when Terraform drives it, in
the order the linker should lay them out (`lld --symbol-ordering-file`).

Why: the release binary holds about 33 MB of code, but a plugin start and a plan run only
about 1.7 MB of it, scattered over the whole range. Every first touch of a code page maps the
kernel's fault-around window (64 KB) around it, so a scattered hot path costs about 15 MB of
resident memory and some 200 page faults per start. Laid out together, the same functions fit
in a few dozen windows. Terraform starts a provider 3 to 4 times per command, so this is paid
on every start.

How: the release binary (with its symbols, as `scripts/build-release.sh` leaves it) is laid
into the benchmark's filesystem mirror (`run.Terraform`) behind a wrapper that runs it under
valgrind's callgrind, and Terraform drives it through what users do most, on the benchmark's
workspace of 100 `dokaseca_addons` plus the addon catalog: `init`, `providers schema -json`,
`validate`, `plan`, `apply`, a second `plan` and `destroy`. Every function callgrind saw in our
binary is listed, those of the first plugin instance (start-up and schema) first, then those
each later instance added, followed by the Swift conformance and type descriptors (see
`swift_descriptors`).

The list is committed, so building needs neither valgrind nor Terraform. Regenerate it after
changes to the start-up or plan path (`make symbol-order`); names that no longer exist are
ignored by the linker, so a stale list only loses some of its effect.

Usage: benchmarks/symbol_order.py [--provider PATH] [--terraform PATH] [--output PATH]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import run  # the start-up benchmark: its mirror, workspace and provider description

COMMANDS = [
    ["providers", "schema", "-json"],
    ["validate", "-no-color"],
    ["plan", "-input=false", "-no-color"],
    ["apply", "-auto-approve", "-input=false", "-no-color"],
    ["plan", "-input=false", "-no-color", "-detailed-exitcode"],
    ["destroy", "-auto-approve", "-input=false", "-no-color"],
]


def write_wrapper(path: Path, provider: Path, profiles: Path) -> None:
    """The executable the mirror gets: Terraform starts it, it runs ours under callgrind.
    valgrind writes only to stderr, so the handshake line on stdout stays the plugin's own."""
    path.write_text(
        "#!/bin/sh\n"
        f"exec valgrind --tool=callgrind --callgrind-out-file={profiles}/callgrind.%p "
        "--dump-instr=no --dump-line=no --compress-strings=no --demangle=no -q "
        f'"{provider}" "$@"\n'
    )
    path.chmod(0o755)


def functions_in(profile: Path, binary: Path) -> list[str]:
    """Functions of `binary` that callgrind recorded (`fn=` lines under its `ob=`)."""
    names: list[str] = []
    in_binary = False
    with profile.open(errors="replace") as lines:
        for line in lines:
            if line.startswith("ob="):
                in_binary = Path(line[3:].strip()) == binary
            elif in_binary and line.startswith("fn="):
                # `name'2` is callgrind's second level of a recursion; `0x…` an address
                # without a symbol: neither names anything the linker can place.
                name = line[3:].strip().split("'")[0]
                if not name.startswith("0x"):
                    names.append(name)
    return names


def swift_descriptors(binary: Path) -> list[str]:
    """Every protocol conformance descriptor (mangled suffix `Mc`), then every type context
    descriptor (`Mn`). The runtime's first lookup of each (type, protocol) pair reads all
    conformance descriptors and the types they name; gathered in one place, that scan maps a
    few hundred kilobytes instead of touching pages across the whole data segment."""
    symbols = subprocess.run(["nm", "--defined-only", "--format=just-symbols", str(binary)], capture_output=True, text=True, check=True).stdout.split()
    return [name for suffix in ("Mc", "Mn") for name in symbols if name.startswith("$s") and name.endswith(suffix)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--provider", default=str(run.REPO / ".build/release/terraform-provider-dokaseca"), help="release binary with symbols (default: %(default)s)")
    parser.add_argument("--terraform", default=shutil.which("terraform", path="/usr/local/bin") or "terraform", help="terraform binary (default: %(default)s)")
    parser.add_argument("--output", default=str(run.REPO / "scripts/symbol-order.txt"), help="where to write the list (default: %(default)s)")
    args = parser.parse_args(argv)

    provider = Path(args.provider).resolve()
    if not provider.is_file():
        sys.exit(f"{provider} not found: build it with scripts/build-release.sh")
    if not shutil.which("valgrind"):
        sys.exit("valgrind not found: apt-get install valgrind")

    with tempfile.TemporaryDirectory(prefix="dokaseca-symbol-order-") as scratch:
        root = Path(scratch)
        profiles = root / "profiles"
        profiles.mkdir()
        # valgrind 3.19 cannot read lld's DWARF 5; the symbol table is all this needs.
        traced = root / "terraform-provider-dokaseca"
        subprocess.run(["strip", "--strip-debug", "-o", str(traced), str(provider)], check=True)
        wrapper = root / "traced-provider"
        write_wrapper(wrapper, traced, profiles)

        ours = run.ours_provider(wrapper)
        terraform = run.Terraform(Path(args.terraform), root, [ours])
        workspace = terraform.workspace(root, "workspace", ours, with_resources=True)
        with (workspace / "main.tf").open("a") as configuration:
            configuration.write('\ndata "dokaseca_addon_catalog" "all" {}\n')
        for command in COMMANDS:
            terraform.run(workspace, *command)
            print(f"terraform {' '.join(command)}: ok", file=sys.stderr)

        ordered: dict[str, None] = {}
        # Process IDs grow in start order here: the first instance is the start-up and schema.
        for profile in sorted(profiles.glob("callgrind.*"), key=lambda p: int(p.suffix[1:])):
            for name in functions_in(profile, traced):
                ordered.setdefault(name, None)

    if not ordered:
        sys.exit("callgrind recorded no functions of the provider binary")
    functions = len(ordered)
    for name in swift_descriptors(provider):
        ordered.setdefault(name, None)
    Path(args.output).write_text("".join(f"{name}\n" for name in ordered))
    print(f"{functions} functions and {len(ordered) - functions} descriptors written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
