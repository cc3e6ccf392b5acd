extension Sequence<String> {
  /// The strings in Go's `sort.Strings` order, by UTF-8 bytes, which is how cty orders map
  /// keys and object attributes on the wire. Swift's own `<` on strings compares by Unicode
  /// canonical ordering, which differs from byte order for some characters.
  func sortedByUTF8() -> [String] {
    sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
