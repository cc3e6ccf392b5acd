/// Bounds on untrusted input that the codecs enforce.
public enum CodecLimits {
  /// How deeply arrays, maps and objects may nest in msgpack, JSON and type JSON.
  ///
  /// Decoding recurses once per level, and the threads running Swift concurrency tasks have
  /// small stacks; input nested deeper than this is refused with an error instead of crashing
  /// the provider. Schemas never come close: the bound matters only for `dynamic` values and
  /// their type descriptions, which come from configuration.
  public static let maximumNestingDepth = 128

  /// How deeply JSON text may nest. A type description spends two JSON levels on each object
  /// type (`["object",{…}]`), so this is twice the value limit with room for a dynamic wrapper;
  /// type and value depth are then checked against `maximumNestingDepth` on their own.
  static let maximumJSONNestingDepth = 2 * maximumNestingDepth + 2
}
