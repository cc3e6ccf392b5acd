/// Standard-alphabet base64, written here because the handshake needs the unpadded form and the
/// plugin start-up path avoids loading Foundation.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encodeWithoutPadding(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count * 4 + 2) / 3)
    var index = 0
    while index + 3 <= bytes.count {
      let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      for shift in [18, 12, 6, 0] { output.append(alphabet[Int((chunk >> UInt32(shift)) & 0x3f)]) }
      index += 3
    }
    let remaining = bytes.count - index
    if remaining > 0 {
      var chunk = UInt32(bytes[index]) << 16
      if remaining == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
      for shift in [18, 12, 6, 0].prefix(remaining + 1) {
        output.append(alphabet[Int((chunk >> UInt32(shift)) & 0x3f)])
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
