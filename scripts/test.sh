#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what the tests drive (Terraform 1.0.3 and the
# Go benchmark peers from PyPI, the Kubernetes control plane the kind test tool starts, built
# once from Debian's sources and cached under ~/.cache/dokaseca), checks formatting (`make
# lint`: swift-format and terraform fmt), then runs `make test` and prints Swift Testing's summary. Needs a Swift 6 toolchain, python3 with pip, and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-tools.sh
DOKASECA_KUBE_BIN="$(scripts/install-kube-control-plane.sh | tail -n1)"
export DOKASECA_KUBE_BIN
make lint
make test
