#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes: go-plugin waits for the handshake line, so it must not sit in a buffer.
func writeStandardOutput(_ text: String) { writeAll(1, text) }
func writeStandardError(_ text: String) { writeAll(2, text) }

private func writeAll(_ descriptor: Int32, _ text: String) {
  var bytes = Array(text.utf8)
  bytes.withUnsafeMutableBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { break }
      offset += written
    }
  }
}
