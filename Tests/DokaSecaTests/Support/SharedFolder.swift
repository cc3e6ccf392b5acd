import Foundation

/// Files of the `shared` folder beside the repository root (`../shared`), which tests read in
/// place and never copy into the repository.
///
/// Found through `DOKASECA_SHARED_DIR` when set, else by walking up from this source file, both
/// as compiled and with symlinks resolved, to a folder that holds `Package.swift`: tests may be
/// built from a package that links this folder in from elsewhere.
enum SharedFolder {
  struct NotFound: Error, CustomStringConvertible {
    var description: String
  }

  /// The file at `relative` (`data/dokaseca-addons-applicationsets.json`) in the shared folder.
  static func locate(_ relative: String, filePath: String = #filePath) throws(NotFound) -> URL {
    let files = FileManager.default
    var tried: [String] = []
    if let shared = ProcessInfo.processInfo.environment["DOKASECA_SHARED_DIR"], !shared.isEmpty {
      let url = URL(fileURLWithPath: shared, isDirectory: true).appendingPathComponent(relative)
      if files.fileExists(atPath: url.path) { return url }
      tried.append(url.path)
    }
    let file = URL(fileURLWithPath: filePath)
    for start in [file, file.resolvingSymlinksInPath()] {
      var directory = start.deletingLastPathComponent()
      while directory.path != "/" && !directory.path.isEmpty {
        if files.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
          let url = directory.deletingLastPathComponent().appendingPathComponent("shared/\(relative)")
          if files.fileExists(atPath: url.path) { return url }
          tried.append(url.path)
        }
        directory = directory.deletingLastPathComponent()
      }
    }
    throw NotFound(
      description: "cannot find shared/\(relative); set DOKASECA_SHARED_DIR. Tried: " + tried.joined(separator: ", "))
  }
}
