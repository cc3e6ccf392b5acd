public import TerraformValues

/// A managed resource type (`resource "dokaseca_addons" "x" { … }`), in the spirit of
/// terraform-plugin-framework: a schema and the CRUD operations over values of that schema.
///
/// The framework around it decodes and encodes the wire values, applies defaults and plan
/// modifiers, marks computed attributes unknown when the object changes, and checks the plan
/// and apply rules Terraform enforces, so an implementation only says what its object is.
public protocol Resource: Sendable {
  /// The type name Terraform configurations use, prefixed by the provider name.
  var typeName: String { get }
  var schema: Schema { get }

  /// Checks a configuration beyond its types and attribute validators. Values may be unknown.
  func validate(config: Value) -> Diagnostics

  /// Adjusts the plan the framework computed: sets computed values known at plan time, adds
  /// replacement reasons or reports problems that need the prior state.
  func modifyPlan(_ request: ModifyPlanRequest, _ response: inout ModifyPlanResponse) async

  func create(_ request: CreateRequest, _ response: inout CreateResponse) async
  /// Refreshes the state from the real world; a null state means the object is gone.
  func read(_ request: ReadRequest, _ response: inout ReadResponse) async
  func update(_ request: UpdateRequest, _ response: inout UpdateResponse) async
  func delete(_ request: DeleteRequest, _ response: inout DeleteResponse) async
  /// Turns an import ID into a state that `read` can complete.
  func importState(_ request: ImportRequest, _ response: inout ImportResponse) async
  /// Rewrites state stored by an older schema version into the current one.
  func upgradeState(_ request: UpgradeStateRequest, _ response: inout UpgradeStateResponse) async
}

extension Resource {
  public func validate(config: Value) -> Diagnostics { [] }

  public func modifyPlan(_ request: ModifyPlanRequest, _ response: inout ModifyPlanResponse) async {}

  public func importState(_ request: ImportRequest, _ response: inout ImportResponse) async {
    response.diagnostics.addError(
      "Import is not supported",
      detail: "\(typeName) cannot be imported; create it with terraform apply instead.")
  }

  /// Without a version change, state only needs decoding with the current schema.
  public func upgradeState(_ request: UpgradeStateRequest, _ response: inout UpgradeStateResponse) async {
    guard request.version == schema.version else {
      response.diagnostics.addError(
        "Unsupported state version",
        detail:
          "\(typeName) state has schema version \(request.version), this provider writes \(schema.version) and has no upgrade from it. Use the provider version that wrote this state."
      )
      return
    }
    response.state = request.rawState
  }
}
