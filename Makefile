# terraform-provider-dokaseca: build, install into a local provider mirror, test.
VERSION ?= 0.1.0
MIRROR ?= $(HOME)/.terraform.d/plugins
PLATFORM ?= linux_amd64
PROVIDER_DIR = $(MIRROR)/registry.terraform.io/dokaseca/dokaseca/$(VERSION)/$(PLATFORM)
RELEASE_BINARY = .build/release/terraform-provider-dokaseca
TERRAFORM_BINARIES ?= $(shell scripts/terraform-binaries.sh)
# The terraform for fmt and docs: the first one found, else whatever `terraform` is on PATH
TERRAFORM ?= $(or $(firstword $(subst :, ,$(TERRAFORM_BINARIES))),terraform)

.PHONY: build install release test testacc bench bench-platform symbol-order fmt lint docs protos catalog clean

## build: a release build that ships alone (the Swift runtime linked in statically), linked for
## a fast start, little resident memory and a small file (scripts/build-release.sh says how)
build:
	scripts/build-release.sh

## install: build, then lay the stripped binary into the filesystem mirror (MIRROR=... to choose it);
## stripping halves the file Terraform hashes and copies on every init and schema load
install: build
	mkdir -p "$(PROVIDER_DIR)"
	install -s -m 0755 $(RELEASE_BINARY) "$(PROVIDER_DIR)/terraform-provider-dokaseca_v$(VERSION)"
	@echo "Installed into $(PROVIDER_DIR)"

## release: build, strip and pack VERSION into dist/: the zip, SHA256SUMS, the registry manifest
## and a packed filesystem mirror (dist/mirror) for `terraform providers lock -fs-mirror`
release:
	scripts/release.sh $(VERSION)

## test: unit tests and end-to-end tests through every terraform binary found (serially: the
## end-to-end tests wait on terraform and control-plane processes, and timing tests share 2 cores)
test:
	DOKASECA_TERRAFORM_BINARIES="$(TERRAFORM_BINARIES)" swift test --no-parallel

## testacc: the same suite against real kind and Docker (needs a Docker engine)
testacc:
	TF_ACC=1 DOKASECA_TERRAFORM_BINARIES="$(TERRAFORM_BINARIES)" swift test --no-parallel

## bench: release-build benchmark against Go providers; figures go to BENCHMARKS.md
bench: build
	python3 benchmarks/run.py --provider $(RELEASE_BINARY) --write

## bench-platform: cluster and GitOps Bridge against the kind test tool; figures go to BENCHMARKS.md
bench-platform: build
	swift build --product dokaseca-kind
	python3 benchmarks/bridge.py --provider $(RELEASE_BINARY) --kind .build/debug/dokaseca-kind --write

## symbol-order: rewrite scripts/symbol-order.txt, the functions the release link lays out
## together, by tracing a release build under Terraform (needs valgrind)
symbol-order: build
	python3 benchmarks/symbol_order.py --provider $(RELEASE_BINARY)

## fmt: format Swift sources and Terraform files
fmt:
	swift format --in-place --recursive Sources Tests Package.swift
	for dir in examples terraform; do TF_CLI_CONFIG_FILE=/dev/null $(TERRAFORM) fmt -recursive $$dir; done

## lint: check formatting without changing anything (fmt needs no CLI configuration: /dev/null
## keeps a TF_CLI_CONFIG_FILE that names a missing file from warning)
lint:
	swift format lint --strict --recursive Sources Tests Package.swift
	for dir in examples terraform; do TF_CLI_CONFIG_FILE=/dev/null $(TERRAFORM) fmt -check -recursive $$dir; done

## docs: regenerate docs/ (registry layout) from the provider's schema and examples/; by default
## from a fresh release build (DOCS_PROVIDER=.build/debug/terraform-provider-dokaseca to skip it)
DOCS_PROVIDER ?= $(RELEASE_BINARY)
docs: $(if $(filter $(RELEASE_BINARY),$(DOCS_PROVIDER)),build)
	python3 scripts/generate-docs.py --provider $(DOCS_PROVIDER) --terraform $(TERRAFORM)

## protos: regenerate Swift from proto/ (needs protobuf-compiler)
protos:
	scripts/generate-protos.sh

## catalog: regenerate the addon catalog from ../shared/data
catalog:
	python3 scripts/generate-addon-catalog.py

clean:
	rm -rf .build
