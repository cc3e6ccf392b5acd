#!/usr/bin/env python3
"""Generate Sources/DokaSeca/Catalog/AddonCatalog+Entries.swift from the DoKa Seca addon data.

Usage (from anywhere; paths are relative to the repository root):

    python3 scripts/generate-addon-catalog.py [INPUT_JSON [OUTPUT_SWIFT]]

INPUT_JSON defaults to ../shared/data/dokaseca-addons-applicationsets.json and OUTPUT_SWIFT to
Sources/DokaSeca/Catalog/AddonCatalog+Entries.swift. Only the Python standard library is used.

Each ApplicationSet's cluster generator matches clusters whose labels hold every one of its
`enable_*` flags. When an ApplicationSet lists two (or more) flags, one of them is the addon's
own flag and the others are requirements: the addon deploys only when they are "true" too. The
JSON does not say which is which, so this script decides, with these rules applied in order.
The first rule that singles out exactly one flag decides:

  1. Name. The appset stem is the appset name without its `addons-` prefix, with `-` turned
     into `_`. A flag equal to `enable_<stem>` is the own flag
     (addons-kargo -> enable_kargo).
  2. Base flag. A flag that is the only flag of some ApplicationSet deploys something on its
     own, so it is a base flag, i.e. a requirement. If exactly one of the entry's flags is not
     a base flag, it is the own flag
     (addons-gateways: enable_gateway_api has addons-gateway-api -> own is enable_gateway_class).
  3. Closeness. The flag whose stem (without `enable_`) has the smallest Levenshtein distance to
     the appset stem is the own flag, if that distance is strictly the smallest
     (addons-kafbat-ui: kafka_ui is 2 away from kafbat_ui, kafka is 5 away).

Rule 3 is only a fallback: it would get addons-gateways wrong, which is why it comes last.
The script fails (exit status 1) when no rule decides, or when rules 1 and 2 both decide and
disagree, so a change upstream cannot silently produce a wrong requirement.
"""

from __future__ import annotations

import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join("..", "shared", "data", "dokaseca-addons-applicationsets.json")
DEFAULT_OUTPUT = os.path.join("Sources", "DokaSeca", "Catalog", "AddonCatalog+Entries.swift")

# A flag becomes a Kubernetes label key on the ArgoCD cluster Secret, so it must be a valid
# label name (no prefix); the Swift side relies on that.
LABEL_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
FLAG_PREFIX = "enable_"
APPSET_PREFIX = "addons-"


class AmbiguityError(Exception):
    pass


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def appset_stem(appset: str) -> str:
    name = appset[len(APPSET_PREFIX):] if appset.startswith(APPSET_PREFIX) else appset
    return name.replace("-", "_")


def flag_stem(flag: str) -> str:
    return flag[len(FLAG_PREFIX):] if flag.startswith(FLAG_PREFIX) else flag


def decide_own_flag(appset: str, flags: list[str], base_flags: set[str]) -> tuple[str, str]:
    """Returns (own flag, rule that decided) for an entry with two or more flags."""
    stem = appset_stem(appset)

    by_name = [f for f in flags if f == FLAG_PREFIX + stem]
    by_base = [f for f in flags if f not in base_flags]
    name_decides = len(by_name) == 1
    base_decides = len(by_base) == 1

    if name_decides and base_decides and by_name[0] != by_base[0]:
        raise AmbiguityError(
            f"{appset}: rule 1 (name) picks {by_name[0]} but rule 2 (base flag) picks {by_base[0]}"
        )
    if name_decides:
        return by_name[0], "1 name"
    if base_decides:
        return by_base[0], "2 base flag"

    distances = sorted((levenshtein(flag_stem(f), stem), f) for f in flags)
    if distances[0][0] < distances[1][0]:
        return distances[0][1], f"3 closeness ({', '.join(f'{f}={d}' for d, f in distances)})"
    raise AmbiguityError(
        f"{appset}: no rule decides among {flags} "
        f"(base flags: {sorted(set(flags) & base_flags)}, distances: {distances})"
    )


def swift_string(value: str) -> str:
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code > 0x7E:
            out.append(f"\\u{{{code:X}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def swift_optional(value: str | None) -> str:
    return "nil" if value is None else swift_string(value)


def swift_string_array(values: list[str]) -> str:
    return "[" + ", ".join(swift_string(v) for v in values) + "]"


def swift_string_dictionary(values: dict[str, str]) -> str:
    if not values:
        return "[:]"
    return "[" + ", ".join(f"{swift_string(k)}: {swift_string(values[k])}" for k in sorted(values)) + "]"


def load(path: str) -> tuple[str, list[dict]]:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    if not isinstance(document, dict) or "applicationsets" not in document:
        fail(f"{path}: expected an object with an 'applicationsets' list")
    source = document.get("source")
    if not isinstance(source, str) or not source:
        fail(f"{path}: expected a non-empty 'source' string")
    entries = document["applicationsets"]
    required = {
        "appset": str, "tier": str, "category": str, "flags": list, "namespace": str, "file": str,
        "chart_version_by_environment": dict,
    }
    optional = ("chart", "chart_repository", "chart_version")
    for index, entry in enumerate(entries):
        where = f"{path}: applicationsets[{index}]"
        for key, kind in required.items():
            if not isinstance(entry.get(key), kind):
                fail(f"{where}: '{key}' must be a {kind.__name__}")
        for key in optional:
            if entry.get(key) is not None and not isinstance(entry[key], str):
                fail(f"{where}: '{key}' must be a string or null")
        if not entry["flags"]:
            fail(f"{where} ({entry['appset']}): has no flags")
        for flag in entry["flags"]:
            if not isinstance(flag, str) or len(flag) > 63 or not LABEL_NAME.match(flag):
                fail(f"{where} ({entry['appset']}): flag {flag!r} is not a valid label name")
        if len(set(entry["flags"])) != len(entry["flags"]):
            fail(f"{where} ({entry['appset']}): repeats a flag")
        for key, value in entry["chart_version_by_environment"].items():
            if not isinstance(value, str):
                fail(f"{where}: chart_version_by_environment[{key!r}] must be a string")
    names = [e["appset"] for e in entries]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        fail(f"{path}: duplicate appset names {duplicates}")
    return source, entries


def render(source: str, input_label: str, entries: list[dict], decisions: dict[str, tuple[str, list[str]]]) -> str:
    lines = [
        "// GENERATED FILE. DO NOT EDIT.",
        "//",
        "// Generated by scripts/generate-addon-catalog.py from",
        f"// {input_label}",
        f"// (source: {source}).",
        "// To change it, update the data and rerun:",
        "//",
        "//     python3 scripts/generate-addon-catalog.py",
        "//",
        "// One `AddonEntry(...)` call per ApplicationSet, sorted by ApplicationSet name, each its",
        "// own `append` statement: the compiler type-checks statements one at a time, whereas a",
        "// single array literal of 168 calls takes seconds. `flag` and `requires` come from the",
        "// script's own-flag rule (see the script's docstring).",
        "",
        "extension AddonCatalog {",
        "  /// Where the built-in catalog came from: upstream repository, commit and folder.",
        f"  public static let dokaSecaSource = {swift_string(source)}",
        "",
        "  /// The DoKa Seca addon catalog: every ApplicationSet of the upstream addons repository.",
        "  public static let dokaSeca = AddonCatalog(entries: dokaSecaEntries, source: dokaSecaSource)",
        "",
        "  static let dokaSecaEntries: [AddonEntry] = makeDokaSecaEntries()",
        "",
        "  private static func makeDokaSecaEntries() -> [AddonEntry] {",
        "    var entries: [AddonEntry] = []",
        f"    entries.reserveCapacity({len(entries)})",
    ]
    for entry in entries:
        own, requires = decisions[entry["appset"]]
        lines += [
            "    entries.append(",
            "      AddonEntry(",
            f"        applicationSetName: {swift_string(entry['appset'])},",
            f"        tier: {swift_string(entry['tier'])},",
            f"        category: {swift_string(entry['category'])},",
            f"        flag: {swift_string(own)},",
            f"        requires: {swift_string_array(requires)},",
            f"        chart: {swift_optional(entry['chart'])},",
            f"        chartRepository: {swift_optional(entry['chart_repository'])},",
            f"        chartVersion: {swift_optional(entry['chart_version'])},",
            f"        chartVersionByEnvironment: {swift_string_dictionary(entry['chart_version_by_environment'])},",
            f"        namespace: {swift_string(entry['namespace'])},",
            f"        file: {swift_string(entry['file'])}",
            "      ))",
        ]
    lines += ["    return entries", "  }", "}", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if len(argv) > 3:
        fail("usage: generate-addon-catalog.py [INPUT_JSON [OUTPUT_SWIFT]]")
    input_arg = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    output_arg = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    input_path = os.path.normpath(os.path.join(REPO_ROOT, input_arg))
    output_path = os.path.normpath(os.path.join(REPO_ROOT, output_arg))

    source, entries = load(input_path)
    entries = sorted(entries, key=lambda e: e["appset"])
    base_flags = {e["flags"][0] for e in entries if len(e["flags"]) == 1}

    decisions: dict[str, tuple[str, list[str]]] = {}
    ambiguous: list[str] = []
    for entry in entries:
        flags = entry["flags"]
        if len(flags) == 1:
            decisions[entry["appset"]] = (flags[0], [])
            continue
        try:
            own, rule = decide_own_flag(entry["appset"], flags, base_flags)
        except AmbiguityError as error:
            ambiguous.append(str(error))
            continue
        requires = sorted(f for f in flags if f != own)
        decisions[entry["appset"]] = (own, requires)
        print(f"{entry['appset']}: own {own}, requires {', '.join(requires)} [rule {rule}]")
    if ambiguous:
        for message in ambiguous:
            print(f"error: ambiguous: {message}", file=sys.stderr)
        sys.exit(1)

    # Paths in the header are relative to the repository root so the output does not depend on
    # where the repository is checked out.
    input_label = os.path.relpath(input_path, REPO_ROOT)
    text = render(source, input_label, entries, decisions)
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    with open(output_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    flags = {f for e in entries for f in e["flags"]}
    multi = sum(1 for e in entries if len(e["flags"]) > 1)
    print(
        f"wrote {os.path.relpath(output_path, REPO_ROOT)}: {len(entries)} entries, "
        f"{len(flags)} flags, {multi} with requirements"
    )


if __name__ == "__main__":
    main(sys.argv)
