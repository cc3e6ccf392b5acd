import Synchronization

/// The resources of each group version the client has looked up, by kind.
///
/// Entries are replaced, never expired: a kind missing from an entry makes the client fetch the
/// group version again once, which is how kinds of a CRD installed meanwhile are found.
final class DiscoveryCache: Sendable {
  private let resourcesByGroupVersion = Mutex<[GroupVersion: [String: APIResource]]>([:])

  func resources(of groupVersion: GroupVersion) -> [String: APIResource]? {
    resourcesByGroupVersion.withLock { $0[groupVersion] }
  }

  func store(_ resources: [String: APIResource], for groupVersion: GroupVersion) {
    resourcesByGroupVersion.withLock { $0[groupVersion] = resources }
  }
}
