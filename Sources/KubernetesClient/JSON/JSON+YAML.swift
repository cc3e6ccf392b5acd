import Yams

extension JSON {
  /// The value of one YAML document; `.null` for an empty one.
  ///
  /// Plain scalars are typed the way `kubectl` types them (YAML 1.1): `0644` is the octal
  /// integer 420, `yes` and `on` are `true`, `1.5` is a `Double`. Anchors, aliases and `<<`
  /// merge keys are expanded.
  public init(yaml: String) throws(KubernetesError) {
    do {
      self = try Yams.Parser(yaml: yaml, resolver: .basic).singleRoot().map(Self.init(node:)) ?? .null
    } catch let error as KubernetesError {
      throw error
    } catch {
      throw .invalidConfiguration("invalid YAML: \(error)")
    }
  }

  /// Every non-empty document of a multi-document YAML stream (a manifest such as
  /// `install.yaml`), in order. Documents that are empty or only comments are skipped.
  public static func documents(fromYAML yaml: String) throws(KubernetesError) -> [JSON] {
    do {
      let parser = try Yams.Parser(yaml: yaml, resolver: .basic)
      var documents: [JSON] = []
      while let node = try parser.nextRoot() {
        let document = try JSON(node: node)
        if document != .null { documents.append(document) }
      }
      return documents
    } catch let error as KubernetesError {
      throw error
    } catch {
      throw .invalidConfiguration("invalid YAML: \(error)")
    }
  }

  private init(node: Node) throws(KubernetesError) {
    switch node {
    case .scalar(let scalar):
      // Untagged plain scalars have the empty tag; quoted ones the `!!str` tag.
      let tag = scalar.tag.rawValue
      self = tag.isEmpty ? YAMLScalar.plain(scalar.string) : YAMLScalar.tagged(scalar.string, tag: tag)
    case .sequence(let sequence):
      var elements: [JSON] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence { elements.append(try JSON(node: element)) }
      self = .array(elements)
    case .mapping(let mapping):
      var members: [String: JSON] = [:]
      var merged: [String: JSON] = [:]
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw .invalidConfiguration("YAML mapping key is not a scalar: \(key)")
        }
        if keyScalar.string == "<<", keyScalar.style == .plain {
          try Self.collectMerge(value, into: &merged)
        } else {
          members[keyScalar.string] = try JSON(node: value)
        }
      }
      // Keys written in the mapping itself win over merged-in ones.
      self = .object(members.merging(merged, uniquingKeysWith: { own, _ in own }))
    case .alias:
      // Yams's parser replaces aliases with the anchored node; a bare alias cannot appear.
      throw .invalidConfiguration("unresolved YAML alias")
    }
  }

  /// `<<: *anchor` or `<<: [*a, *b]`: earlier mappings in the list take precedence.
  private static func collectMerge(_ node: Node, into merged: inout [String: JSON]) throws(KubernetesError) {
    let sources: [Node]
    if case .sequence(let sequence) = node { sources = Array(sequence) } else { sources = [node] }
    for source in sources {
      guard case .object(let members) = try JSON(node: source) else {
        throw .invalidConfiguration("YAML merge key '<<' must refer to a mapping")
      }
      merged.merge(members, uniquingKeysWith: { earlier, _ in earlier })
    }
  }
}
