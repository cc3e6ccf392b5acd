public import TerraformValues

/// The diagnostics an operation collects; it failed when any of them is an error.
public struct Diagnostics: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
  public private(set) var items: [Diagnostic]

  public init(_ items: [Diagnostic] = []) { self.items = items }
  public init(arrayLiteral elements: Diagnostic...) { self.items = elements }

  public var hasErrors: Bool { items.contains { $0.severity == .error } }
  public var isEmpty: Bool { items.isEmpty }
  public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

  public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
  public mutating func append(contentsOf other: some Sequence<Diagnostic>) { items.append(contentsOf: other) }

  public mutating func addError(_ summary: String, detail: String = "", attribute: AttributePath? = nil) {
    append(.error(summary, detail: detail, attribute: attribute))
  }

  public mutating func addWarning(_ summary: String, detail: String = "", attribute: AttributePath? = nil) {
    append(.warning(summary, detail: detail, attribute: attribute))
  }

  public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }
}
