import Foundation

/// Certificates for a throwaway API server, made with the `openssl` command: a CA, the server's
/// certificate for 127.0.0.1, an admin client certificate in `system:masters`, a service account
/// signing key, and a second CA that signed nothing (to see verification fail).
struct TestPKI: Sendable {
  let directory: URL

  var caCertificate: URL { directory.appendingPathComponent("ca.crt") }
  var serverCertificate: URL { directory.appendingPathComponent("server.crt") }
  var serverKey: URL { directory.appendingPathComponent("server.key") }
  var clientCertificate: URL { directory.appendingPathComponent("client.crt") }
  var clientKey: URL { directory.appendingPathComponent("client.key") }
  var serviceAccountKey: URL { directory.appendingPathComponent("sa.key") }
  var serviceAccountPublicKey: URL { directory.appendingPathComponent("sa.pub") }
  var otherCACertificate: URL { directory.appendingPathComponent("other-ca.crt") }

  static func generate(in directory: URL) throws -> TestPKI {
    let pki = TestPKI(directory: directory)
    try pki.makeCA(name: "ca", subject: "/CN=dokaseca-test-ca")
    try pki.makeCA(name: "other-ca", subject: "/CN=someone-else")
    try pki.makeLeaf(
      name: "server", subject: "/CN=kube-apiserver",
      extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    try pki.makeLeaf(
      name: "client", subject: "/O=system:masters/CN=dokaseca-test-admin", extensions: "extendedKeyUsage=clientAuth\n")
    try pki.openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sa.key")
    try pki.openssl("ec", "-in", "sa.key", "-pubout", "-out", "sa.pub")
    return pki
  }

  func pem(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }

  private func makeCA(name: String, subject: String) throws {
    try openssl(
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "\(name).key",
      "-out", "\(name).crt", "-days", "2", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
      "-addext", "keyUsage=critical,keyCertSign,cRLSign")
  }

  private func makeLeaf(name: String, subject: String, extensions: String) throws {
    try Data((extensions + "keyUsage=critical,digitalSignature\n").utf8)
      .write(to: directory.appendingPathComponent("\(name).ext"))
    try openssl(
      "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "\(name).key", "-out",
      "\(name).csr", "-subj", subject)
    try openssl(
      "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
      "\(name).crt", "-days", "2", "-extfile", "\(name).ext")
  }

  private func openssl(_ arguments: String...) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.currentDirectoryURL = directory
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw TestSupportError(
        "openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: output, as: UTF8.self))")
    }
  }
}

/// A failure of the test scaffolding itself (not of the code under test).
struct TestSupportError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
