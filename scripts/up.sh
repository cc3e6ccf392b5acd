#!/usr/bin/env bash
# One command from a fresh clone to a running DoKa Seca platform: builds the provider (release),
# installs it into a local filesystem mirror, writes a CLI configuration that points Terraform
# or OpenTofu at that mirror, and runs init and apply in terraform/environments/dev.
#
# Usage: scripts/up.sh [options] [-- arguments for apply/destroy, such as -var-file=my.tfvars]
#   --environment NAME     the root under terraform/environments (default dev; also staging,
#                          prod, hub-spoke)
#   --local-control-plane  no Docker: run dokaseca-kind, the project's kind-compatible tool that
#                          starts a real Kubernetes control plane on loopback (also
#                          DOKASECA_LOCAL_CONTROL_PLANE=1)
#   --destroy              destroy what an earlier run created instead
#   --provider PATH        install this provider binary instead of building one
#   --mirror DIR           the filesystem mirror (default ~/.terraform.d/plugins)
#
# Needs: Docker running and kind on PATH (unless --local-control-plane), a Swift 6 toolchain
# (unless --provider), and OpenTofu (`tofu`, used when present) or Terraform 1.0 or newer
# (`terraform`; TERRAFORM=/path/to/terraform picks one). Without them it stops before building
# anything and says what to install.
#
# The CLI configuration goes to .dokaseca/terraformrc (ignored by git); to run terraform or
# tofu yourself afterwards: export TF_CLI_CONFIG_FILE="$PWD/.dokaseca/terraformrc".
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly version="${VERSION:-0.1.0}"
readonly source_address="registry.terraform.io/dokaseca/dokaseca"
readonly argocd_fixture="${repo_root}/../shared/fixtures/argocd-v3.5.1/install.yaml"

log() { printf 'up: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
usage() { sed -n '/^# Usage:/,/^# *--mirror/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

environment="dev"
local_control_plane="${DOKASECA_LOCAL_CONTROL_PLANE:-0}"
[[ "${local_control_plane}" == "true" ]] && local_control_plane=1
action="apply"
provider=""
mirror="${HOME}/.terraform.d/plugins"
extra=()
while (($#)); do
  case "$1" in
    --environment) [[ $# -ge 2 ]] || usage; environment="$2"; shift 2 ;;
    --environment=*) environment="${1#*=}"; shift ;;
    --local-control-plane) local_control_plane=1; shift ;;
    --destroy) action="destroy"; shift ;;
    --provider) [[ $# -ge 2 ]] || usage; provider="$2"; shift 2 ;;
    --provider=*) provider="${1#*=}"; shift ;;
    --mirror) [[ $# -ge 2 ]] || usage; mirror="$2"; shift 2 ;;
    --mirror=*) mirror="${1#*=}"; shift ;;
    -h | --help) usage ;;
    --) shift; extra=("$@"); break ;;
    *) log "unknown argument $1"; usage ;;
  esac
done
root="${repo_root}/terraform/environments/${environment}"
[[ -f "${root}/main.tf" ]] || die "no environment ${environment} (no ${root#"${repo_root}/"}/main.tf)"

# --- Preflight: everything missing is reported at once, before any build -----------------------
problems=()
if [[ "${local_control_plane}" != 1 ]]; then
  if ! command -v docker >/dev/null 2>&1; then
    problems+=("Docker not found. Install Docker Engine (https://docs.docker.com/engine/install/) and start it.")
  elif ! docker info >/dev/null 2>&1; then
    problems+=("Docker is not running (\`docker info\` failed). Start the Docker daemon, or point DOCKER_HOST at a running one.")
  fi
  if ! command -v kind >/dev/null 2>&1; then
    problems+=("kind not found on PATH. Install kind v0.20 or newer (https://kind.sigs.k8s.io/docs/user/quick-start/#installation).")
  fi
fi
if ! command -v swift >/dev/null 2>&1; then
  if [[ -z "${provider}" ]]; then
    problems+=("swift not found. Install a Swift 6 toolchain (https://www.swift.org/install/) to build the provider, or pass --provider PATH.")
  elif [[ "${local_control_plane}" == 1 ]]; then
    problems+=("swift not found. --local-control-plane builds dokaseca-kind: install a Swift 6 toolchain (https://www.swift.org/install/).")
  fi
fi
if [[ -n "${provider}" && ! -x "${provider}" ]]; then
  problems+=("--provider ${provider} is not an executable.")
fi

# The tool: $TERRAFORM, else tofu, else the newest terraform found. Terraform must be 1.0 or
# newer (protocol 6 and nested attributes); any OpenTofu release is.
version_of() { "$1" version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p' | head -n1; }
at_least() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }
tool="${TERRAFORM:-}"
if [[ -n "${tool}" ]]; then
  command -v "${tool}" >/dev/null 2>&1 || problems+=("TERRAFORM=${tool} is not an executable.")
elif command -v tofu >/dev/null 2>&1; then
  tool="$(command -v tofu)"
else
  best_version=""
  IFS=: read -r -a candidates <<<"$("${repo_root}/scripts/terraform-binaries.sh" 2>/dev/null || true)"
  command -v terraform >/dev/null 2>&1 && candidates+=("$(command -v terraform)")
  for candidate in ${candidates[@]+"${candidates[@]}"}; do
    candidate_version="$(version_of "${candidate}")"
    [[ -n "${candidate_version}" ]] || continue
    if [[ -z "${best_version}" ]] || at_least "${candidate_version}" "${best_version}"; then
      tool="${candidate}" best_version="${candidate_version}"
    fi
  done
  [[ -n "${tool}" ]] || problems+=("Neither tofu nor terraform found. Install OpenTofu (https://opentofu.org/docs/intro/install/) or Terraform 1.0 or newer (https://developer.hashicorp.com/terraform/install).")
fi
if [[ -n "${tool}" ]] && command -v "${tool}" >/dev/null 2>&1 && "${tool}" version 2>/dev/null | head -n1 | grep -q '^Terraform v'; then
  tool_version="$(version_of "${tool}")"
  if [[ -n "${tool_version}" ]] && ! at_least "${tool_version}" 1.0.0; then
    problems+=("terraform ${tool_version} (${tool}) is too old: the provider speaks plugin protocol 6 with nested attributes, which need Terraform 1.0 or newer. Install OpenTofu or a newer Terraform, or name one with TERRAFORM=/path/to/terraform.")
  fi
fi

if ((${#problems[@]})); then
  for problem in "${problems[@]}"; do log "${problem}"; done
  if [[ "${local_control_plane}" != 1 ]]; then
    log "No Docker? scripts/up.sh --local-control-plane runs the platform on dokaseca-kind, a kind-compatible tool that starts a real Kubernetes control plane on loopback."
  fi
  exit 1
fi
log "using ${tool} ($(version_of "${tool}" || true))"

# --- The provider, in a filesystem mirror ------------------------------------------------------
mkdir -p "${mirror}"
mirror="$(cd "${mirror}" && pwd)"
provider_dir="${mirror}/${source_address}/${version}/linux_amd64"
if [[ -z "${provider}" ]]; then
  log "building the provider (release; the first build takes several minutes)"
  provider="$("${repo_root}/scripts/build-release.sh")"
fi
mkdir -p "${provider_dir}"
install -s -m 0755 "${provider}" "${provider_dir}/terraform-provider-dokaseca_v${version}"
log "installed the provider into ${provider_dir}"

mkdir -p "${repo_root}/.dokaseca"
cli_config="${repo_root}/.dokaseca/terraformrc"
cat >"${cli_config}" <<EOF
# Written by scripts/up.sh: the DoKa Seca provider comes from the local mirror, the rest from
# the registries. Use it with: export TF_CLI_CONFIG_FILE="${cli_config}"
provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["registry.terraform.io/dokaseca/*"]
  }
  direct {
    exclude = ["registry.terraform.io/dokaseca/*"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="${cli_config}"

# --- Without Docker: dokaseca-kind and a control plane -----------------------------------------
variables=()
if [[ "${local_control_plane}" == 1 ]]; then
  log "building dokaseca-kind"
  (cd "${repo_root}" && swift build --product dokaseca-kind >&2)
  kind_tool="$(cd "${repo_root}" && swift build --show-bin-path)/dokaseca-kind"
  log "installing the Kubernetes control plane (cached after the first run, which takes a while)"
  DOKASECA_KUBE_BIN="$("${repo_root}/scripts/install-kube-control-plane.sh" | tail -n1)"
  export DOKASECA_KUBE_BIN
  variables+=("-var=kind_path=${kind_tool}")
  if [[ -f "${argocd_fixture}" ]]; then
    variables+=("-var=argocd_manifest_url=file://$(cd "$(dirname "${argocd_fixture}")" && pwd)/install.yaml")
  fi
fi

# --- init and apply (or destroy) ---------------------------------------------------------------
cd "${root}"
# The mirror's binary changes with every build; a lock file from an earlier one would refuse it.
rm -f .terraform.lock.hcl
"${tool}" init -input=false
"${tool}" "${action}" -input=false -auto-approve ${variables[@]+"${variables[@]}"} ${extra[@]+"${extra[@]}"}
if [[ "${action}" == "apply" ]]; then
  again="scripts/up.sh --destroy --environment ${environment}"
  [[ "${local_control_plane}" == 1 ]] && again+=" --local-control-plane"
  log "done. Outputs: cd ${root#"${repo_root}/"} && TF_CLI_CONFIG_FILE=${cli_config} ${tool##*/} output"
  log "To tear it down: ${again}"
fi
