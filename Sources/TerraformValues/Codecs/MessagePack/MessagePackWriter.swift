/// Appends msgpack items in the forms cty's encoder (vmihailenco/msgpack with compact ints)
/// produces, so our bytes match Terraform's byte for byte.
struct MessagePackWriter {
  private(set) var bytes: [UInt8] = []

  mutating func writeNil() { bytes.append(0xc0) }

  mutating func writeBool(_ value: Bool) { bytes.append(value ? 0xc3 : 0xc2) }

  private mutating func writeBigEndian(_ value: UInt64, width: Int) {
    for shift in stride(from: 8 * (width - 1), through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
    }
  }

  /// The smallest form: a fixint, unsigned formats for non-negative values and signed
  /// formats for negative ones.
  mutating func writeInt(_ value: Int64) {
    if value >= 0 {
      writeUInt(UInt64(value))
    } else if value >= -32 {
      bytes.append(UInt8(bitPattern: Int8(value)))
    } else if value >= Int64(Int8.min) {
      bytes.append(0xd0)
      writeBigEndian(UInt64(bitPattern: value), width: 1)
    } else if value >= Int64(Int16.min) {
      bytes.append(0xd1)
      writeBigEndian(UInt64(bitPattern: value), width: 2)
    } else if value >= Int64(Int32.min) {
      bytes.append(0xd2)
      writeBigEndian(UInt64(bitPattern: value), width: 4)
    } else {
      bytes.append(0xd3)
      writeBigEndian(UInt64(bitPattern: value), width: 8)
    }
  }

  mutating func writeUInt(_ value: UInt64) {
    switch value {
    case 0...0x7f: bytes.append(UInt8(value))
    case 0x80...0xff:
      bytes.append(0xcc)
      writeBigEndian(value, width: 1)
    case 0x100...0xffff:
      bytes.append(0xcd)
      writeBigEndian(value, width: 2)
    case 0x1_0000...0xffff_ffff:
      bytes.append(0xce)
      writeBigEndian(value, width: 4)
    default:
      bytes.append(0xcf)
      writeBigEndian(value, width: 8)
    }
  }

  /// Always 64-bit, as cty turns off compact floats.
  mutating func writeFloat64(_ value: Double) {
    bytes.append(0xcb)
    writeBigEndian(value.bitPattern, width: 8)
  }

  mutating func writeString(_ value: String) {
    let utf8 = value.utf8
    let count = utf8.count
    switch count {
    case 0..<32: bytes.append(0xa0 | UInt8(count))
    case 32..<0x100:
      bytes.append(0xd9)
      writeBigEndian(UInt64(count), width: 1)
    case 0x100..<0x1_0000:
      bytes.append(0xda)
      writeBigEndian(UInt64(count), width: 2)
    default:
      bytes.append(0xdb)
      writeBigEndian(UInt64(count), width: 4)
    }
    bytes.append(contentsOf: utf8)
  }

  mutating func writeBinary(_ value: [UInt8]) {
    let count = value.count
    switch count {
    case 0..<0x100:
      bytes.append(0xc4)
      writeBigEndian(UInt64(count), width: 1)
    case 0x100..<0x1_0000:
      bytes.append(0xc5)
      writeBigEndian(UInt64(count), width: 2)
    default:
      bytes.append(0xc6)
      writeBigEndian(UInt64(count), width: 4)
    }
    bytes.append(contentsOf: value)
  }

  mutating func writeArrayHeader(count: Int) {
    switch count {
    case 0..<16: bytes.append(0x90 | UInt8(count))
    case 16..<0x1_0000:
      bytes.append(0xdc)
      writeBigEndian(UInt64(count), width: 2)
    default:
      bytes.append(0xdd)
      writeBigEndian(UInt64(count), width: 4)
    }
  }

  mutating func writeMapHeader(count: Int) {
    switch count {
    case 0..<16: bytes.append(0x80 | UInt8(count))
    case 16..<0x1_0000:
      bytes.append(0xde)
      writeBigEndian(UInt64(count), width: 2)
    default:
      bytes.append(0xdf)
      writeBigEndian(UInt64(count), width: 4)
    }
  }

  /// An extension in its smallest form: fixext for 1, 2, 4, 8 and 16 bytes, else ext8/16/32.
  mutating func writeExt(type: Int8, payload: [UInt8]) {
    let count = payload.count
    switch count {
    case 1: bytes.append(0xd4)
    case 2: bytes.append(0xd5)
    case 4: bytes.append(0xd6)
    case 8: bytes.append(0xd7)
    case 16: bytes.append(0xd8)
    case 0..<0x100:
      bytes.append(0xc7)
      writeBigEndian(UInt64(count), width: 1)
    case 0x100..<0x1_0000:
      bytes.append(0xc8)
      writeBigEndian(UInt64(count), width: 2)
    default:
      bytes.append(0xc9)
      writeBigEndian(UInt64(count), width: 4)
    }
    bytes.append(UInt8(bitPattern: type))
    bytes.append(contentsOf: payload)
  }

  /// Bytes already encoded elsewhere.
  mutating func writeRaw(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
}
