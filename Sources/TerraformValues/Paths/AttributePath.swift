/// A path into a value, from the root object of a resource: attribute names, map keys and
/// list/tuple indices. It is how diagnostics point at the configuration at fault.
public struct AttributePath: Hashable, Sendable, CustomStringConvertible {
  public enum Step: Hashable, Sendable {
    case attribute(String)
    case key(String)
    case index(Int)
  }

  public var steps: [Step]

  public init(_ steps: [Step] = []) { self.steps = steps }

  /// The path of a top-level attribute.
  public init(_ attribute: String) { self.steps = [.attribute(attribute)] }

  public static let root = AttributePath()

  public func appending(_ step: Step) -> AttributePath { AttributePath(steps + [step]) }
  public func attribute(_ name: String) -> AttributePath { appending(.attribute(name)) }
  public func key(_ key: String) -> AttributePath { appending(.key(key)) }
  public func index(_ index: Int) -> AttributePath { appending(.index(index)) }

  /// Terraform's own notation: `addons["enable_kyverno"]`, `nodes[0].role`.
  public var description: String {
    var text = ""
    for step in steps {
      switch step {
      case .attribute(let name): text += text.isEmpty ? name : ".\(name)"
      case .key(let key): text += "[\"\(key)\"]"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}
