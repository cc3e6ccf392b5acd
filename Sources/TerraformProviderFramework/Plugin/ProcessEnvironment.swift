#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment as a dictionary, read from `environ` without loading Foundation.
public enum ProcessEnvironment {
  public static var current: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let separator = text.firstIndex(of: "=") {
        result[String(text[..<separator])] = String(text[text.index(after: separator)...])
      }
      pointer += 1
    }
    return result
  }
}
