import Testing

/// Starts a `LocalControlPlane` once around a whole suite (not around each test) and stops it
/// after the suite's last test; the tests find it as `LocalControlPlane.current`.
struct LocalControlPlaneTrait: SuiteTrait, TestScoping {
  var isRecursive: Bool { false }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    guard let binaries = KubeBinaries.found else {
      // The suite is disabled without binaries; nothing to start.
      try await function()
      return
    }
    let plane = try await LocalControlPlane.start(binaries)
    do {
      try await LocalControlPlane.$current.withValue(plane) { try await function() }
    } catch {
      await plane.stop()
      throw error
    }
    await plane.stop()
  }
}

extension Trait where Self == LocalControlPlaneTrait {
  /// A real kube-apiserver for the suite; see `LocalControlPlane`.
  static var localControlPlane: Self { LocalControlPlaneTrait() }
}

/// The running control plane, or a test failure explaining that there is none.
func controlPlane() throws -> LocalControlPlane {
  try #require(LocalControlPlane.current, "the live suite's control plane is not running")
}
