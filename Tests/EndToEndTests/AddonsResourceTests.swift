import Foundation
import ProviderTesting
import Testing

/// `dokaseca_addons` driven through the real terraform binary, installed from a filesystem
/// mirror as users install it.
@Suite(.serialized) struct AddonsResourceTests {
  static let binaries = TerraformBinary.available

  @Test(arguments: binaries)
  func lifecycleWithDependencyWarningUpdateAndDestroy(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "dokaseca_addons" "hub" {
          environment = "dev"
          addons = {
            enable_kargo   = true
            enable_kyverno = true
          }
          extra_labels = { team_platform = "true" }
        }
        """)
    defer { workspace.remove() }

    let initialized = try workspace.initialize()
    try #require(initialized.exitCode == 0, "\(initialized.combinedOutput)")

    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    #expect(applied.combinedOutput.contains("Addon requirement enabled: enable_cert_manager"))
    #expect(applied.combinedOutput.contains("enable_kargo needs enable_cert_manager"))
    let labels = try #require(try workspace.attributes(of: "dokaseca_addons.hub")?["labels"] as? [String: String])
    #expect(
      labels == [
        "enable_kargo": "true", "enable_kyverno": "true", "enable_cert_manager": "true", "team_platform": "true",
      ])
    let enabled = try #require(try workspace.attributes(of: "dokaseca_addons.hub")?["enabled"] as? [String])
    #expect(Set(enabled) == ["enable_kargo", "enable_kyverno", "enable_cert_manager"])
    #expect(try workspace.attributes(of: "dokaseca_addons.hub")?["resolve_dependencies"] as? Bool == true)

    let noChanges = try workspace.planExitCode()
    #expect(noChanges.exitCode == 0, "a second plan must be empty:\n\(noChanges.combinedOutput)")

    try workspace.write(
      """
      resource "dokaseca_addons" "hub" {
        environment = "dev"
        addons = {
          enable_kargo   = true
          enable_kyverno = false
        }
        extra_labels = { team_platform = "true" }
      }
      """)
    let changes = try workspace.planExitCode()
    #expect(changes.exitCode == 2, "\(changes.combinedOutput)")
    #expect(changes.standardOutput.contains("will be updated in-place"))
    #expect(changes.standardOutput.contains("0 to add, 1 to change, 0 to destroy"))
    let updated = try workspace.apply()
    try #require(updated.exitCode == 0, "\(updated.combinedOutput)")
    let updatedLabels = try workspace.attributes(of: "dokaseca_addons.hub")?["labels"] as? [String: String]
    #expect(updatedLabels?["enable_kyverno"] == "false")
    #expect(updatedLabels?["enable_cert_manager"] == "true")
    #expect(try workspace.planExitCode().exitCode == 0)

    let destroyed = try workspace.destroy()
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
    #expect(destroyed.standardOutput.contains("1 destroyed"))
    #expect(try workspace.attributes(of: "dokaseca_addons.hub") == nil)
  }

  @Test(arguments: binaries)
  func unknownFlagIsAnErrorOnItsKeyWithASuggestion(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "dokaseca_addons" "hub" {
          environment = "dev"
          addons = {
            enable_kyvern = true
          }
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let plan = try workspace.run("plan")
    #expect(plan.exitCode == 1)
    #expect(plan.standardError.contains("Error: Unknown addon flag"))
    #expect(plan.standardError.contains("Did you mean \"enable_kyverno\"?"))
    // Terraform quotes the configuration line the diagnostic's attribute path points at.
    #expect(plan.standardError.contains("enable_kyvern = true"), "\(plan.standardError)")
    #expect(plan.standardError.contains("on main.tf line"))
  }

  @Test(arguments: binaries)
  func missingRequirementIsAnErrorWithoutResolution(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "dokaseca_addons" "hub" {
          environment          = "dev"
          resolve_dependencies = false
          addons = {
            enable_kyverno_policies = true
          }
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let plan = try workspace.run("plan")
    #expect(plan.exitCode == 1)
    #expect(plan.standardError.contains("Error: Addon requirement not enabled"))
    #expect(plan.standardError.contains("enable_kyverno_policies needs enable_kyverno"))
    #expect(plan.standardError.contains("enable_kyverno_policies = true"))
  }

  @Test(arguments: binaries)
  func invalidEnvironmentIsAnErrorOnTheAttribute(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "dokaseca_addons" "hub" {
          environment = "Dev Env"
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let validate = try workspace.run("validate", "-no-color")
    #expect(validate.exitCode == 1)
    #expect(validate.standardError.contains("Invalid label value \"Dev Env\""))
    #expect(validate.standardError.contains("environment = \"Dev Env\""))
  }

  @Test(arguments: binaries)
  func importAdoptsAnEnvironment(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "dokaseca_addons" "hub" {
          environment = "prod"
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let imported = try workspace.run("import", "dokaseca_addons.hub", "prod")
    #expect(imported.exitCode == 0, "\(imported.combinedOutput)")
    #expect(try workspace.attributes(of: "dokaseca_addons.hub")?["id"] as? String == "prod")
    #expect(try workspace.planExitCode().exitCode == 0)

    let badImport = try workspace.run("import", "dokaseca_addons.other", "Not Valid")
    #expect(badImport.exitCode == 1)
  }

  @Test(arguments: binaries)
  func catalogDataSourceFiltersByCategory(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        data "dokaseca_addon_catalog" "security" {
          category    = "security"
          environment = "dev"
        }

        output "security_flags" {
          value = [for addon in data.dokaseca_addon_catalog.security.addons : addon.flag]
        }

        output "flag_count" {
          value = length(data.dokaseca_addon_catalog.security.flags)
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let output = try workspace.run("output", "-json")
    let outputs = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let flags = try #require((outputs["security_flags"] as? [String: Any])?["value"] as? [String])
    #expect(flags.count == 11)
    #expect(flags.contains("enable_cert_manager"))
    #expect((outputs["flag_count"] as? [String: Any])?["value"] as? Int == 167)

    try workspace.write(
      """
      data "dokaseca_addon_catalog" "nothing" {
        category = "securiti"
      }
      """)
    let invalid = try workspace.run("plan")
    #expect(invalid.exitCode == 1)
    #expect(invalid.standardError.contains("Invalid value \"securiti\""))
  }

  /// Values unknown at plan (here from Terraform's built-in `terraform_data`, Terraform ≥ 1.4)
  /// leave the computed labels unknown rather than guessed, and apply then fills them.
  @Test(arguments: binaries.filter { $0.version.compare("1.4", options: .numeric) != .orderedAscending })
  func unknownInputsPlanUnknownOutputs(terraform: TerraformBinary) throws {
    let workspace = try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        resource "terraform_data" "flag" {
          input = true
        }

        resource "dokaseca_addons" "hub" {
          environment = "dev"
          addons = {
            enable_kyverno = terraform_data.flag.output
          }
        }
        """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let plan = try workspace.run("plan")
    #expect(plan.exitCode == 0, "\(plan.combinedOutput)")
    #expect(plan.standardOutput.contains("labels               = (known after apply)"), "\(plan.standardOutput)")
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    #expect(
      try workspace.attributes(of: "dokaseca_addons.hub")?["labels"] as? [String: String] == ["enable_kyverno": "true"])
    #expect(try workspace.planExitCode().exitCode == 0)
  }
}
