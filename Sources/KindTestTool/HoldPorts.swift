import ArgumentParser
import Foundation

/// The stand-in for Docker's port publishing: a detached process per cluster that binds every
/// `extraPortMappings` host port (TCP ports listen and close what connects; UDP ports are bound
/// only), so that the ports are taken while the cluster lives, as with Docker. Hidden.
struct HoldPortsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "__hold-ports", abstract: "internal: holds a cluster's host ports", shouldDisplay: false)

  @Option(help: "the cluster's directory (marks the process as the cluster's)") var clusterDirectory: String
  @Option(help: "file written once every port is bound") var readyFile: String
  @Option(help: "LISTEN_ADDRESS:PORT/PROTOCOL, repeated") var bind: [String] = []

  func run() throws {
    var sockets: [(BoundSocket, isTCP: Bool)] = []
    for binding in bind {
      guard let mapping = HostPort(binding) else { throw KindError("bad binding \(binding)") }
      do {
        let isTCP = mapping.protocol == "TCP"
        let socket = try BoundSocket(
          address: mapping.address, port: mapping.port, type: isTCP ? streamSocketType : datagramSocketType,
          listen: isTCP)
        sockets.append((socket, isTCP))
      } catch let error as BindError {
        FileHandle.standardError.write(Data("\(mapping.dockerBindFailure(error))\n".utf8))
        throw ExitCode(1)
      }
    }
    try Data().write(to: URL(fileURLWithPath: readyFile))
    signal(SIGPIPE, SIG_IGN)
    var descriptors = sockets.filter(\.isTCP).map { pollfd(fd: $0.0.descriptor, events: Int16(POLLIN), revents: 0) }
    while true {
      if descriptors.isEmpty {
        pause()
        continue
      }
      guard poll(&descriptors, nfds_t(descriptors.count), -1) > 0 else { continue }
      for index in descriptors.indices where descriptors[index].revents != 0 {
        let connection = accept(descriptors[index].fd, nil, nil)
        if connection >= 0 { close(connection) }
        descriptors[index].revents = 0
      }
    }
  }
}

/// One published host port: `0.0.0.0:8080/TCP`, `[::]:53/UDP`.
struct HostPort: Sendable, CustomStringConvertible {
  var address: String
  var port: Int
  var `protocol`: String

  init(address: String, port: Int, protocol: String) {
    self.address = address
    self.port = port
    self.protocol = `protocol`
  }

  init?(_ text: String) {
    guard let slash = text.lastIndex(of: "/"), let colon = text[..<slash].lastIndex(of: ":"),
      let port = Int(text[text.index(after: colon)..<slash])
    else { return nil }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    self.init(address: host, port: port, protocol: String(text[text.index(after: slash)...]))
  }

  var description: String { "\(IPAddress.joinHostPort(address, port))/\(`protocol`)" }

  /// Docker's error for a published port that cannot be bound.
  func dockerBindFailure(_ error: BindError) -> String {
    let endpoint = IPAddress.joinHostPort(address, port)
    if error.isAddressInUse {
      return "Bind for \(endpoint) failed: port is already allocated"
    }
    return "Error starting userland proxy: listen \(`protocol`.lowercased()) \(endpoint): bind: \(error.text)"
  }
}
