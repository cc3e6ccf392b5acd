import Foundation
import ProviderTesting
import Testing

/// What the repository ships besides the provider: the Terraform modules and environments under
/// `terraform/`, the examples under `examples/`, the registry documentation generated into
/// `docs/`, and the release packaging. Checked with the built provider, from the test mirror,
/// through every terraform binary the suite tests.
@Suite(.serialized) struct TerraformConfigurationsTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

  /// The folders the configurations live in.
  static let trees = ["terraform", "examples"]

  static let binaries = TerraformBinary.available

  /// Binaries that plan nested attributes: Terraform 1.0 validates every configuration here, but
  /// crashes planning a cluster whose nodes differ in which nested lists they set (the dev
  /// environment maps ports on its control-plane node only); see ClusterResourceTests.
  static let planning = TerraformBinary.available.filter {
    $0.version.compare("1.3", options: .numeric) != .orderedAscending
  }

  /// Every folder under `terraform/` and `examples/` that holds `.tf` files, relative to the
  /// repository (`terraform/modules/platform`, `examples/resources/dokaseca_cluster`, …).
  static let configurations: [String] = {
    var found: Set<String> = []
    for tree in trees {
      let root = repository.appendingPathComponent(tree)
      // Hidden entries (.terraform, .terraform.lock.hcl) are a local run's, not the repository's.
      guard
        let files = FileManager.default.enumerator(
          at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
      else {
        continue
      }
      for case let file as URL in files where file.pathExtension == "tf" {
        found.insert(relativePath(file.deletingLastPathComponent()))
      }
    }
    return found.sorted()
  }()

  static let environments = configurations.filter { $0.hasPrefix("terraform/environments/") }

  static func relativePath(_ url: URL) -> String {
    String(url.standardizedFileURL.path.dropFirst(repository.path.count + 1))
  }

  /// A workspace holding a copy of `terraform/` and `examples/` (module sources are relative
  /// paths), without local state, lock files or `.terraform` folders. `copyItem` copies a
  /// symlink as a symlink: the environments' relative links to dev's files resolve in the copy
  /// as in the repository. Example folders that do
  /// not say where the provider comes from get the `required_providers` block a user's root
  /// module would have.
  static func workspace(_ terraform: TerraformBinary) throws -> TerraformWorkspace {
    let workspace = try TerraformWorkspace(terraform: terraform, configuration: "")
    let manager = FileManager.default
    for tree in trees {
      let root = repository.appendingPathComponent(tree)
      guard
        let entries = manager.enumerator(
          at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
      else {
        continue
      }
      for case let entry as URL in entries {
        let destination = workspace.directory.appendingPathComponent(relativePath(entry))
        if (try entry.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
          try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        } else if !entry.lastPathComponent.contains(".tfstate") {
          try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
          try manager.copyItem(at: entry, to: destination)
        }
      }
    }
    for configuration in configurations where configuration.hasPrefix("examples/") {
      let directory = workspace.directory.appendingPathComponent(configuration)
      let files = try manager.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tf") }
      let declared = try files.contains {
        try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8).contains("required_providers")
      }
      if !declared {
        try """
        terraform {
          required_providers {
            dokaseca = { source = "registry.terraform.io/dokaseca/dokaseca" }
          }
        }
        """.write(to: directory.appendingPathComponent("versions.tf"), atomically: true, encoding: .utf8)
      }
    }
    return workspace
  }

  @Test func configurationsAreFound() {
    #expect(Self.configurations.contains("terraform/modules/platform"))
    #expect(Self.configurations.contains("terraform/modules/spoke"))
    #expect(
      Set(Self.environments) == [
        "terraform/environments/dev", "terraform/environments/staging", "terraform/environments/prod",
        "terraform/environments/hub-spoke",
      ])
    #expect(Self.configurations.contains("examples/provider"))
    for type in ["dokaseca_cluster", "dokaseca_addons", "dokaseca_gitops_bridge"] {
      #expect(Self.configurations.contains("examples/resources/\(type)"))
      let importScript = Self.repository.appendingPathComponent("examples/resources/\(type)/import.sh").path
      #expect(FileManager.default.fileExists(atPath: importScript), "\(importScript) is missing")
    }
    #expect(Self.configurations.contains("examples/data-sources/dokaseca_addon_catalog"))
  }

  /// dev, staging and prod are one configuration with three terraform.tfvars: every `.tf` file of
  /// staging and prod is a relative symlink to dev's (so it resolves in a copy of the tree too),
  /// and hub-spoke links to dev's locals, variables and versions.
  @Test func environmentRootsLinkToDevsConfiguration() throws {
    let manager = FileManager.default
    let environments = Self.repository.appendingPathComponent("terraform/environments")
    func tfFiles(_ root: String) throws -> Set<String> {
      Set(
        try manager.contentsOfDirectory(atPath: environments.appendingPathComponent(root).path).filter {
          $0.hasSuffix(".tf")
        })
    }
    func expectLinksToDev(_ root: String, _ files: Set<String>) throws {
      for file in files.sorted() {
        let path = environments.appendingPathComponent("\(root)/\(file)").path
        #expect(
          (try? manager.destinationOfSymbolicLink(atPath: path)) == "../dev/\(file)",
          "terraform/environments/\(root)/\(file) is not a link to ../dev/\(file)")
        #expect(
          (try? Data(contentsOf: URL(fileURLWithPath: path)))
            == (try Data(contentsOf: environments.appendingPathComponent("dev/\(file)"))))
      }
    }
    let dev = try tfFiles("dev")
    #expect(dev.isSuperset(of: ["main.tf", "locals.tf", "variables.tf", "outputs.tf", "versions.tf"]))
    for environment in ["staging", "prod"] {
      #expect(try tfFiles(environment) == dev, "terraform/environments/\(environment) has dev's .tf files, no others")
      try expectLinksToDev(environment, dev)
      #expect(manager.fileExists(atPath: environments.appendingPathComponent("\(environment)/terraform.tfvars").path))
    }
    try expectLinksToDev("hub-spoke", ["locals.tf", "variables.tf", "versions.tf"])
  }

  @Test(arguments: binaries)
  func configurationsAreFormatted(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(terraform: terraform, configuration: "")
    defer { workspace.remove() }
    for tree in Self.trees {
      let path = Self.repository.appendingPathComponent(tree).path
      let formatted = try workspace.run("fmt", "-no-color", "-check", "-recursive", "-diff", path)
      #expect(formatted.exitCode == 0, "terraform fmt -recursive \(tree) would change:\n\(formatted.combinedOutput)")
    }
  }

  @Test(arguments: binaries, configurations)
  func configurationInitializesAndValidates(terraform: TerraformBinary, configuration: String) throws {
    let workspace = try Self.workspace(terraform)
    defer { workspace.remove() }
    let initialized = try workspace.run("-chdir=\(configuration)", "init", "-no-color", "-backend=false")
    try #require(initialized.exitCode == 0, "\(configuration): \(initialized.combinedOutput)")
    let validated = try workspace.run("-chdir=\(configuration)", "validate", "-no-color")
    #expect(validated.exitCode == 0, "\(configuration): \(validated.combinedOutput)")
    #expect(!validated.combinedOutput.contains("Warning"), "\(configuration): \(validated.combinedOutput)")
  }

  /// Validation does not read terraform.tfvars; a plan does, and with it the provider checks the
  /// addon flags (names, and requirements where resolve_dependencies is false) and Terraform the
  /// variables' validations. Nothing is created: a plan needs no kind and no cluster.
  @Test(arguments: planning, environments)
  func environmentPlansWithItsTfvars(terraform: TerraformBinary, environment: String) throws {
    let workspace = try Self.workspace(terraform)
    defer { workspace.remove() }
    try #require(try workspace.run("-chdir=\(environment)", "init", "-no-color", "-backend=false").exitCode == 0)
    let plan = try workspace.run("-chdir=\(environment)", "plan", "-no-color", "-input=false")
    #expect(plan.exitCode == 0, "\(environment): \(plan.combinedOutput)")
    #expect(plan.standardOutput.contains("to add, 0 to change, 0 to destroy"), "\(environment): \(plan.standardOutput)")
    #expect(
      !plan.combinedOutput.contains("Warning: Addon requirement enabled"),
      "\(environment) names every addon it needs: \(plan.combinedOutput)")
  }

  /// `make docs` was run after the last schema or example change.
  @Test(.enabled(if: !TerraformBinary.available.isEmpty, "needs a terraform binary"))
  func generatedDocsAreUpToDate() throws {
    let terraform = try #require(TerraformBinary.available.first)
    let result = try ProcessRunner.run(
      "/usr/bin/env",
      [
        "python3", "scripts/generate-docs.py", "--provider", ProviderBinary.path, "--terraform", terraform.path,
        "--check",
      ],
      environment: ProcessInfo.processInfo.environment, directory: Self.repository)
    #expect(result.exitCode == 0, "docs/ is stale; run make docs:\n\(result.combinedOutput)")
  }

  /// `scripts/release.sh` packs the provider so that Terraform locks and installs it from the
  /// packed mirror it writes, as from a registry download.
  @Test(.enabled(if: !TerraformBinary.available.isEmpty, "needs a terraform binary"))
  func releaseArchivesFormAPackedMirrorTerraformLocksAndInstalls() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dokaseca-release-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: output) }
    let version = ProviderBinary.version
    let packed = try ProcessRunner.run(
      Self.repository.appendingPathComponent("scripts/release.sh").path,
      ["--binary", ProviderBinary.path, "--output", output.path, version],
      environment: ProcessInfo.processInfo.environment, directory: Self.repository)
    try #require(packed.exitCode == 0, "\(packed.combinedOutput)")

    let zip = "terraform-provider-dokaseca_\(version)_linux_amd64.zip"
    let sums = "terraform-provider-dokaseca_\(version)_SHA256SUMS"
    let manifest = "terraform-provider-dokaseca_\(version)_manifest.json"
    let manager = FileManager.default
    for file in [zip, sums, manifest, "mirror/registry.terraform.io/dokaseca/dokaseca/\(zip)"] {
      #expect(manager.fileExists(atPath: output.appendingPathComponent(file).path), "\(file) is missing")
    }
    let manifestJSON =
      try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(manifest)))
      as? [String: Any]
    #expect((manifestJSON?["metadata"] as? [String: Any])?["protocol_versions"] as? [String] == ["6.0"])
    let checked = try ProcessRunner.run(
      "/usr/bin/env", ["sha256sum", "--check", sums], environment: ProcessInfo.processInfo.environment,
      directory: output)
    #expect(checked.exitCode == 0, "\(checked.combinedOutput)")
    let sumsText = try String(contentsOf: output.appendingPathComponent(sums), encoding: .utf8)
    #expect(sumsText.contains("  \(zip)\n") && sumsText.contains("  \(manifest)\n"), "\(sumsText)")

    let mirror = output.appendingPathComponent("mirror").path
    for terraform in Self.binaries {
      let workspace = try TerraformWorkspace(
        terraform: terraform,
        configuration: """
          resource "dokaseca_addons" "hub" {
            environment = "dev"
            addons      = { enable_argo_cd = true }
          }
          """)
      defer { workspace.remove() }
      let locked = try workspace.run(
        "providers", "lock", "-no-color", "-fs-mirror=\(mirror)", "-platform=linux_amd64",
        "registry.terraform.io/dokaseca/dokaseca")
      #expect(locked.exitCode == 0, "\(terraform): \(locked.combinedOutput)")
      let lockFile = try String(
        contentsOf: workspace.directory.appendingPathComponent(".terraform.lock.hcl"), encoding: .utf8)
      #expect(lockFile.contains("version = \"\(version)\"") && lockFile.contains("\"h1:"), "\(terraform): \(lockFile)")

      // Installed from the packed mirror alone, against that lock file, the provider runs.
      let packedConfiguration = workspace.directory.appendingPathComponent("packed.rc")
      try """
      provider_installation {
        filesystem_mirror {
          path    = "\(mirror)"
          include = ["registry.terraform.io/dokaseca/*"]
        }
      }
      """.write(to: packedConfiguration, atomically: true, encoding: .utf8)
      let fromPacked = ["TF_CLI_CONFIG_FILE": packedConfiguration.path]
      let initialized = try workspace.run("init", environment: fromPacked)
      #expect(initialized.exitCode == 0, "\(terraform): \(initialized.combinedOutput)")
      let validated = try workspace.run("validate", "-no-color", environment: fromPacked)
      #expect(validated.exitCode == 0, "\(terraform): \(validated.combinedOutput)")
    }
  }
}
