import JSONSyntax

extension JSONNode {
  /// Parses the JSON text of a value or a type description, within the codecs' nesting bound.
  init(codecInput bytes: some Collection<UInt8>) throws(ValueError) {
    do {
      self = try JSONNode(parsing: bytes, maximumDepth: CodecLimits.maximumJSONNestingDepth)
    } catch {
      throw ValueError(error.description)
    }
  }
}
