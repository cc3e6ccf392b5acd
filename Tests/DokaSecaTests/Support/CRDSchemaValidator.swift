import Foundation
import KubernetesClient
import Synchronization

/// Checks a Kubernetes object against the structural `openAPIV3Schema` of a
/// CustomResourceDefinition, more strictly than the API server does.
///
/// A 1.20 API server prunes the fields a schema does not know and drops `null`s from fields that
/// are not `nullable`, silently: an ApplicationSet whose template says `sourc:` is accepted and
/// then deploys nothing. Here both are violations, so a test catches what a cluster would hide.
///
/// The object's `apiVersion` picks the served version whose schema applies, and `kind` must be the
/// CRD's kind. Of `metadata` only `metadata.name` is checked (the API server validates the rest
/// of `ObjectMeta` itself; the CRD's schema says no more than `type: object`).
///
/// Only the keywords in `understoodKeywords` and `inertKeywords` are known. Any other keyword in
/// the CRD (a CEL rule, `x-kubernetes-list-type: set`, ...) is listed in `unsupportedKeywords`
/// instead of being skipped quietly, so a test can insist that nothing in the schema went
/// unchecked.
struct CRDSchemaValidator: Sendable {
  /// The CRD's API group, `argoproj.io`.
  let group: String
  /// The kind it defines, `Application`.
  let kind: String
  /// The schema of each served version, by version name (`v1alpha1`).
  let schemas: [String: JSON]
  /// Schema keywords found in the CRD that this validator does not check, sorted.
  let unsupportedKeywords: [String]

  /// Keywords whose constraints `validate` checks.
  static let understoodKeywords: Set<String> = [
    "type", "properties", "required", "items", "additionalProperties", "enum", "format", "nullable",
    "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
    "anyOf", "oneOf", "allOf", "not",
    "minItems", "maxItems", "minLength", "maxLength", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minProperties", "maxProperties",
  ]

  /// Keywords that cannot make an object invalid: documentation, defaults (the server applies
  /// them; it does not check them against objects) and server-side apply merge strategies.
  /// `x-kubernetes-list-type` is inert only as `atomic`: `set` and `map` demand unique items,
  /// which this validator does not check, so those values count as unsupported.
  static let inertKeywords: Set<String> = [
    "description", "title", "example", "externalDocs", "default",
    "x-kubernetes-list-type", "x-kubernetes-map-type",
  ]

  /// A validator for the `openAPIV3Schema`s of an `apiextensions.k8s.io/v1` CRD document.
  init(crd: JSON) throws(CRDSchemaError) {
    guard crd["apiVersion"] == "apiextensions.k8s.io/v1", crd["kind"] == "CustomResourceDefinition" else {
      throw CRDSchemaError("not an apiextensions.k8s.io/v1 CustomResourceDefinition")
    }
    let spec = crd["spec"]
    guard let group = spec["group"].stringValue, let kind = spec["names"]["kind"].stringValue else {
      throw CRDSchemaError("CRD without spec.group or spec.names.kind")
    }
    var schemas: [String: JSON] = [:]
    var unsupported: Set<String> = []
    for version in spec["versions"].arrayValue ?? [] {
      guard let name = version["name"].stringValue else { throw CRDSchemaError("CRD version without a name") }
      // An object of a version that is not served cannot be created at all.
      guard version["served"] == true else { continue }
      let schema = version["schema"]["openAPIV3Schema"]
      guard schema.objectValue != nil else {
        throw CRDSchemaError("version \(name) of \(kind) has no spec.versions[].schema.openAPIV3Schema")
      }
      schemas[name] = schema
      Self.collectUnsupportedKeywords(in: schema, into: &unsupported)
    }
    guard !schemas.isEmpty else { throw CRDSchemaError("\(kind) has no served version") }
    self.group = group
    self.kind = kind
    self.schemas = schemas
    self.unsupportedKeywords = unsupported.sorted()
  }

  /// The violations of `object`, each as `"<json path>: <problem>"` (`spec.generators[0].clusters`,
  /// `metadata.annotations["example.com/x"]`), in a stable order; empty when it is valid.
  func validate(_ object: JSON) -> [String] {
    var violations: [String] = []
    guard case .object(var members) = object else {
      return ["\(Path.root): must be of type object, got \(Self.typeName(of: object))"]
    }
    let served = schemas.keys.sorted().map { "\(group)/\($0)" }
    let apiVersion = object["apiVersion"]
    guard let version = apiVersion.stringValue.flatMap({ versionName(ofAPIVersion: $0) }) else {
      let problem =
        apiVersion.isNull
        ? "required field missing"
        : "must be one of \(served.map(Self.quoted).joined(separator: ", ")), got \(apiVersion.jsonText)"
      // Without a version there is no schema to check the rest against.
      return ["apiVersion: \(problem)"]
    }
    if object["kind"] != .string(kind) {
      let kindValue = object["kind"]
      let problem =
        kindValue.isNull ? "required field missing" : "must be \(Self.quoted(kind)), got \(kindValue.jsonText)"
      violations.append("kind: \(problem)")
    }
    let metadata = object["metadata"]
    if metadata.objectValue == nil && !metadata.isNull {
      violations.append("metadata: must be of type object, got \(Self.typeName(of: metadata))")
    } else if metadata["name"].stringValue?.isEmpty != false {
      let problem = metadata["name"].isNull ? "required field missing" : "must be a non-empty string"
      violations.append("metadata.name: \(problem)")
    }

    // The rest of the root is checked against the schema with the identity fields taken out of
    // both the object and the schema, as they were handled above.
    let identity = ["apiVersion", "kind", "metadata"]
    var schema = schemas[version]!
    for key in identity {
      members.removeValue(forKey: key)
      schema["properties"].removeValue(forKey: key)
    }
    if let required = schema["required"].arrayValue {
      schema["required"] = .array(required.filter { !identity.contains($0.stringValue ?? "") })
    }
    Self.check(.object(members), against: schema, at: .root, strict: true, into: &violations)
    return violations
  }

  private func versionName(ofAPIVersion apiVersion: String) -> String? {
    let prefix = group + "/"
    guard apiVersion.hasPrefix(prefix) else { return nil }
    let version = String(apiVersion.dropFirst(prefix.count))
    return schemas[version] == nil ? nil : version
  }
}

// MARK: - Checking a value against a schema

extension CRDSchemaValidator {
  /// Appends the violations of `value` against `schema` to `violations`.
  ///
  /// `strict` is false inside `anyOf`/`oneOf`/`allOf`/`not`: in a structural schema those only
  /// add value constraints, and which fields are known is decided by the schema around them.
  private static func check(
    _ value: JSON, against schema: JSON, at path: Path, strict: Bool, into violations: inout [String]
  ) {
    func report(_ problem: String, at location: Path? = nil) { violations.append("\(location ?? path): \(problem)") }

    let type = schema["type"].stringValue
    let intOrString = schema["x-kubernetes-int-or-string"] == true

    if value.isNull {
      // An untyped schema (preserved unknown fields, an anyOf branch) has no opinion on null.
      if schema["nullable"] != true && (type != nil || intOrString) {
        report("must not be null (the schema is not nullable)")
      }
      return
    }
    if intOrString {
      guard value.int64Value != nil || value.stringValue != nil else {
        report("must be an integer or a string, got \(typeName(of: value))")
        return
      }
    }
    if let type, !matches(value, type: type) {
      // Nothing below a value of the wrong type can be checked meaningfully.
      report("must be of type \(type), got \(typeName(of: value))")
      return
    }
    if let options = schema["enum"].arrayValue, !options.contains(value) {
      report("must be one of \(options.map(\.jsonText).joined(separator: ", ")), got \(value.jsonText)")
    }
    if schema["format"] == "int32", let integer = value.int64Value, Int32(exactly: integer) == nil {
      report("must fit in int32 (format: int32), got \(integer)")
    }

    switch value {
    case .string(let string):
      checkString(string, against: schema, report: { report($0) })
    case .integer, .double:
      checkNumber(value, against: schema, report: { report($0) })
    case .array(let elements):
      if let minimum = schema["minItems"].intValue, elements.count < minimum {
        report("must have at least \(minimum) items, has \(elements.count)")
      }
      if let maximum = schema["maxItems"].intValue, elements.count > maximum {
        report("must have at most \(maximum) items, has \(elements.count)")
      }
      let items = schema["items"]
      if items.objectValue != nil {
        for (index, element) in elements.enumerated() {
          check(element, against: items, at: path.index(index), strict: strict, into: &violations)
        }
      }
    case .object(let members):
      if let minimum = schema["minProperties"].intValue, members.count < minimum {
        report("must have at least \(minimum) fields, has \(members.count)")
      }
      if let maximum = schema["maxProperties"].intValue, members.count > maximum {
        report("must have at most \(maximum) fields, has \(members.count)")
      }
      for case .string(let key) in schema["required"].arrayValue ?? [] where members[key] == nil {
        report("required field missing", at: path.member(key))
      }
      let properties = schema["properties"].objectValue ?? [:]
      let additional = schema["additionalProperties"]
      let preservesUnknown = schema["x-kubernetes-preserve-unknown-fields"] == true
      // Sorted so that the violations come out in the same order on every run.
      for key in members.keys.sorted() {
        let member = members[key]!
        if let property = properties[key] {
          check(member, against: property, at: path.member(key), strict: strict, into: &violations)
        } else if additional.objectValue != nil {
          check(member, against: additional, at: path.member(key), strict: strict, into: &violations)
        } else if strict && additional != true && !preservesUnknown {
          // What the API server would prune without a word.
          report("unknown field", at: path.member(key))
        }
      }
    case .null, .bool:
      break
    }

    checkCombinators(value, against: schema, at: path, into: &violations)
  }

  private static func checkString(_ string: String, against schema: JSON, report: (String) -> Void) {
    // Kubernetes (Go) counts runes, that is Unicode scalars, not grapheme clusters.
    let length = string.unicodeScalars.count
    if let minimum = schema["minLength"].intValue, length < minimum {
      report("must be at least \(minimum) characters long, is \(length)")
    }
    if let maximum = schema["maxLength"].intValue, length > maximum {
      report("must be at most \(maximum) characters long, is \(length)")
    }
    if let pattern = schema["pattern"].stringValue {
      do {
        // Unanchored, as in JSON Schema; `.` matches a scalar, as in Go's RE2.
        let regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
        if try regex.firstMatch(in: string) == nil {
          report("must match the pattern \(quoted(pattern)), got \(quoted(string))")
        }
      } catch {
        report("cannot check the pattern \(quoted(pattern)): \(error)")
      }
    }
  }

  private static func checkNumber(_ value: JSON, against schema: JSON, report: (String) -> Void) {
    guard let number = value.doubleValue else { return }
    if let minimum = schema["minimum"].doubleValue {
      let exclusive = schema["exclusiveMinimum"] == true
      if exclusive ? number <= minimum : number < minimum {
        let bound = exclusive ? "greater than" : "at least"
        report("must be \(bound) \(schema["minimum"].jsonText), got \(value.jsonText)")
      }
    }
    if let maximum = schema["maximum"].doubleValue {
      let exclusive = schema["exclusiveMaximum"] == true
      if exclusive ? number >= maximum : number > maximum {
        let bound = exclusive ? "less than" : "at most"
        report("must be \(bound) \(schema["maximum"].jsonText), got \(value.jsonText)")
      }
    }
  }

  private static func checkCombinators(
    _ value: JSON, against schema: JSON, at path: Path, into violations: inout [String]
  ) {
    func problems(against branch: JSON) -> [String] {
      var problems: [String] = []
      check(value, against: branch, at: path, strict: false, into: &problems)
      return problems
    }
    if let branches = schema["allOf"].arrayValue {
      for branch in branches { violations += problems(against: branch) }
    }
    if let branches = schema["anyOf"].arrayValue {
      let results = branches.map(problems(against:))
      if !results.contains(where: \.isEmpty) {
        let reasons = results.map { $0.joined(separator: "; ") }.joined(separator: " | ")
        violations.append("\(path): must match at least one schema of anyOf (\(reasons))")
      }
    }
    if let branches = schema["oneOf"].arrayValue {
      let matching = branches.map(problems(against:)).filter(\.isEmpty).count
      if matching != 1 {
        violations.append("\(path): must match exactly one schema of oneOf, matches \(matching)")
      }
    }
    if schema["not"].objectValue != nil, problems(against: schema["not"]).isEmpty {
      violations.append("\(path): must not match the schema of not")
    }
  }

  private static func matches(_ value: JSON, type: String) -> Bool {
    switch type {
    case "object": return value.objectValue != nil
    case "array": return value.arrayValue != nil
    case "string": return value.stringValue != nil
    case "boolean": return value.boolValue != nil
    // A number without a fraction (`3.0`) is an integer to the API server's JSON decoding too.
    case "integer": return value.int64Value != nil
    case "number": return value.doubleValue != nil
    default: return false
    }
  }

  /// The JSON Schema type name of a value, for messages.
  static func typeName(of value: JSON) -> String {
    switch value {
    case .null: "null"
    case .bool: "boolean"
    case .integer: "integer"
    case .double: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  fileprivate static func quoted(_ string: String) -> String { JSON.string(string).jsonText }

  /// Every keyword under `schema` that is neither understood nor inert.
  private static func collectUnsupportedKeywords(in schema: JSON, into unsupported: inout Set<String>) {
    guard let keywords = schema.objectValue else { return }
    for (keyword, value) in keywords {
      if keyword == "x-kubernetes-list-type", value != "atomic" {
        unsupported.insert("x-kubernetes-list-type: \(value.stringValue ?? value.jsonText)")
      } else if !understoodKeywords.contains(keyword) && !inertKeywords.contains(keyword) {
        unsupported.insert(keyword)
      }
    }
    for property in (keywords["properties"]?.objectValue ?? [:]).values {
      collectUnsupportedKeywords(in: property, into: &unsupported)
    }
    for key in ["items", "additionalProperties", "not"] {
      if let nested = keywords[key] { collectUnsupportedKeywords(in: nested, into: &unsupported) }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
      for branch in keywords[key]?.arrayValue ?? [] { collectUnsupportedKeywords(in: branch, into: &unsupported) }
    }
  }
}

/// A location in an object, written the way `kubectl explain` and API server messages write it:
/// `spec.generators[0].clusters`, with keys that are not plain names in brackets and quotes
/// (`metadata.labels["app.kubernetes.io/name"]`).
private struct Path: CustomStringConvertible {
  var text: String

  static let root = Path(text: "")

  func member(_ key: String) -> Path {
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
      }
    if !plain { return Path(text: text + "[" + CRDSchemaValidator.quoted(key) + "]") }
    return Path(text: text.isEmpty ? key : text + "." + key)
  }

  func index(_ index: Int) -> Path { Path(text: text + "[\(index)]") }

  var description: String { text.isEmpty ? "<root>" : text }
}

// MARK: - The ArgoCD CRDs

extension CRDSchemaValidator {
  /// The release whose CRDs the fixtures hold.
  static let argocdFixtureFolder = "fixtures/argocd-v3.5.1"

  /// A validator for one of the ArgoCD CRDs in `../shared/fixtures/argocd-v3.5.1/`:
  /// `"application"`, `"applicationset"` or `"appproject"`.
  ///
  /// Each CRD is parsed once per test run and shared by every test. The ApplicationSet CRD is
  /// 1.4 MB of YAML (the Application template repeats under every generator kind, and again under
  /// matrix and merge); parsing it took 0.3–0.5 s in a debug build on a busy 2-core machine
  /// (Application 0.06–0.15 s, AppProject under 0.01 s). Not slow, but not for every test.
  static func argocd(_ crd: String) throws -> CRDSchemaValidator {
    // Holding the lock while parsing makes a second test that wants the same CRD wait for the
    // first parse rather than start its own.
    try argocdCache.withLock { cache throws -> CRDSchemaValidator in
      if let cached = cache[crd] { return try cached.get() }
      let result = Result { () throws -> CRDSchemaValidator in try load(try argocdFixture(crd)) }
      cache[crd] = result
      return try result.get()
    }
  }

  private static let argocdCache = Mutex<[String: Result<CRDSchemaValidator, any Error>]>([:])

  /// The first CustomResourceDefinition in a YAML file.
  static func load(_ url: URL) throws -> CRDSchemaValidator {
    let yaml = try String(contentsOf: url, encoding: .utf8)
    guard let crd = try JSON.documents(fromYAML: yaml).first(where: { $0["kind"] == "CustomResourceDefinition" }) else {
      throw CRDSchemaError("no CustomResourceDefinition in \(url.path)")
    }
    return try CRDSchemaValidator(crd: crd)
  }

  /// Where `<crd>-crd.yaml` is in the shared folder.
  static func argocdFixture(_ crd: String) throws(CRDSchemaError) -> URL {
    do {
      return try SharedFolder.locate("\(argocdFixtureFolder)/\(crd)-crd.yaml")
    } catch {
      throw CRDSchemaError(error.description)
    }
  }
}

struct CRDSchemaError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
