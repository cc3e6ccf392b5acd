import Foundation

/// etcd and kube-apiserver for the live tests, where `scripts/install-kube-control-plane.sh`
/// puts them (or `DOKASECA_KUBE_BIN`, or the envtest convention `KUBEBUILDER_ASSETS`). etcd may
/// also come from Debian's `etcd-server` package alone.
struct KubeBinaries: Sendable {
  var etcd: String
  var apiServer: String

  static let found: KubeBinaries? = locate()

  /// Whether the live tests can run; they are skipped, not failed, without the binaries: the
  /// install script builds kube-apiserver from source and takes a quarter of an hour.
  static var available: Bool { found != nil }

  private static func locate() -> KubeBinaries? {
    let environment = ProcessInfo.processInfo.environment
    let home = environment["HOME"] ?? NSHomeDirectory()
    var directories = ["\(home)/.cache/dokaseca/kube/1.20.2/bin"]
    for variable in ["DOKASECA_KUBE_BIN", "KUBEBUILDER_ASSETS"] {
      if let directory = environment[variable], !directory.isEmpty { directories.insert(directory, at: 0) }
    }
    let files = FileManager.default
    for directory in directories where files.isExecutableFile(atPath: "\(directory)/kube-apiserver") {
      let etcd = ["\(directory)/etcd", "/usr/bin/etcd"].first(where: files.isExecutableFile(atPath:))
      if let etcd { return KubeBinaries(etcd: etcd, apiServer: "\(directory)/kube-apiserver") }
    }
    return nil
  }
}
