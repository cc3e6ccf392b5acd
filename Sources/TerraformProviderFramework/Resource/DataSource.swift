public import TerraformValues

/// A data source type (`data "dokaseca_addon_catalog" "x" { … }`): reads, never changes.
public protocol DataSource: Sendable {
  var typeName: String { get }
  var schema: Schema { get }
  func validate(config: Value) -> Diagnostics
  /// Fills every computed attribute; the result must be wholly known.
  func read(_ request: DataSourceReadRequest, _ response: inout DataSourceReadResponse) async
}

extension DataSource {
  public func validate(config: Value) -> Diagnostics { [] }
}

public struct DataSourceReadRequest: Sendable {
  public var config: Value
  public var context: OperationContext
}

public struct DataSourceReadResponse: Sendable {
  public var state: Value
  public var diagnostics: Diagnostics
}
