extension JSONNode {
  /// Parses one whole JSON document (RFC 8259, strictly: see `JSONParser`).
  ///
  /// - Parameter maximumDepth: how deeply arrays and objects may nest; deeper input is an error,
  ///   so a hostile document costs neither the stack nor unbounded memory of its readers.
  public init(parsing bytes: some Collection<UInt8>, maximumDepth: Int) throws(JSONSyntaxError) {
    self = try JSONParser.parse(bytes, maximumDepth: maximumDepth)
  }
}
