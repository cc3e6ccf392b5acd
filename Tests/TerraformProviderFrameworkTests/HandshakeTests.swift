import Foundation
import ProviderTesting
import Testing

/// The go-plugin handshake as Terraform and OpenTofu drive it, against the real binary.
@Suite struct HandshakeTests {
  @Test func refusesToRunWithoutTheMagicCookie() throws {
    let plugin = try PluginProcess(environment: ["TF_PLUGIN_MAGIC_COOKIE": ""])
    #expect(plugin.waitForExit(timeout: 10) == 1)
    #expect(plugin.readStandardError().contains("This binary is a plugin for Terraform and OpenTofu"))
    #expect(plugin.standardOutput.readDataToEndOfFile().isEmpty, "nothing but the handshake ever goes to stdout")
  }

  @Test func refusesWhenProtocolSixIsNotOffered() throws {
    let plugin = try PluginProcess(environment: ["PLUGIN_PROTOCOL_VERSIONS": "4,5"])
    #expect(plugin.waitForExit(timeout: 10) == 1)
    #expect(plugin.readStandardError().contains("speaks plugin protocol version 6, but the client offered 4,5"))
  }

  @Test(arguments: ["5,6", "6,5", "6"])
  func writesOneUnixHandshakeLineAndExitsOnShutdown(offered: String) async throws {
    let plugin = try PluginProcess(environment: ["PLUGIN_PROTOCOL_VERSIONS": offered])
    let handshake = try plugin.readHandshake()
    #expect(handshake.fields.count == 6)
    #expect(Array(handshake.fields.prefix(3)) == ["1", "6", "unix"])
    #expect(handshake.fields[4] == "grpc")
    #expect(handshake.certificateBase64.isEmpty, "no certificate without PLUGIN_CLIENT_CERT")
    #expect(handshake.address.utf8.count < 108)
    let directory = (handshake.address as NSString).deletingLastPathComponent
    let permissions = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
    #expect(permissions == 0o700)

    let started = Date()
    try await PluginClient.shutdown(socketPath: handshake.address)
    #expect(plugin.waitForExit(timeout: 2) == 0, "Terraform kills a plugin still running 2 s after Shutdown")
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(!FileManager.default.fileExists(atPath: directory), "the socket directory is removed on exit")
  }

  @Test func honoursThePluginSocketDirectory() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("sockets-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    let plugin = try PluginProcess(environment: ["PLUGIN_UNIX_SOCKET_DIR": base.path])
    let handshake = try plugin.readHandshake()
    #expect(handshake.address.hasPrefix(base.path + "/"))
  }

  @Test func fallsBackToLoopbackTCPWhenTheSocketPathWouldBeTooLong() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(String(repeating: "d", count: 110))
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    let plugin = try PluginProcess(environment: [
      "PLUGIN_UNIX_SOCKET_DIR": base.path, "PLUGIN_MIN_PORT": "23100", "PLUGIN_MAX_PORT": "23199",
    ])
    let handshake = try plugin.readHandshake()
    #expect(handshake.network == "tcp")
    let parts = handshake.address.split(separator: ":")
    #expect(parts.first == "127.0.0.1")
    let port = try #require(parts.last.flatMap { Int($0) })
    #expect((23100...23199).contains(port))
  }

  @Test func debugModePrintsAReattachConfiguration() throws {
    let plugin = try PluginProcess(environment: ["TF_PLUGIN_MAGIC_COOKIE": ""], arguments: ["--debug"])
    defer { plugin.kill() }
    var text = ""
    while !text.contains("Ctrl-C") { text += String(decoding: plugin.standardOutput.availableData, as: UTF8.self) }
    let json = try #require(text.split(separator: "'").dropFirst().first)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
    let entry = try #require(parsed["registry.terraform.io/dokaseca/dokaseca"])
    #expect(entry["Protocol"] as? String == "grpc")
    #expect(entry["ProtocolVersion"] as? Int == 6)
    #expect(entry["Test"] as? Bool == true)
    #expect((entry["Addr"] as? [String: String])?["Network"] == "unix")
  }
}
