import Foundation
import ProviderTesting
import Testing

/// CI names the Terraform versions it promises to test with; a missing one must fail loudly
/// rather than shrink the end-to-end suite to nothing.
@Test func requiredTerraformVersionsAreAvailable() throws {
  let required = (ProcessInfo.processInfo.environment["DOKASECA_REQUIRE_TERRAFORM_VERSIONS"] ?? "")
    .split(separator: ",").map(String.init)
  let available = Set(TerraformBinary.available.map(\.version))
  for version in required {
    #expect(available.contains(version), "terraform \(version) is required but only \(available.sorted()) were found")
  }
  #expect(!available.isEmpty, "no terraform binary found on PATH or in DOKASECA_TERRAFORM_BINARIES")
}

/// CI installs the control plane the kind test tool starts; there, the cluster tests must run,
/// not skip.
@Test func kindTestToolIsUsableWhenRequired() {
  guard ProcessInfo.processInfo.environment["DOKASECA_REQUIRE_KUBE"] == "1" else { return }
  #expect(
    KindTestTool.isUsable,
    "DOKASECA_REQUIRE_KUBE=1 but the kube binaries or dokaseca-kind are missing (\(KindTestTool.kubeBinaries))")
}
