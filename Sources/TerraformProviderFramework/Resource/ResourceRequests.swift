public import Logging
public import TerraformValues

/// What every operation gets besides its values.
public struct OperationContext: Sendable {
  /// Whatever the provider's `configure` returned, for resources that need provider settings.
  public var providerData: (any Sendable)?
  /// Where progress goes (Terraform shows it with `TF_LOG_PROVIDER=INFO`).
  public var logger: Logger

  public init(providerData: (any Sendable)?, logger: Logger) {
    self.providerData = providerData
    self.logger = logger
  }
}

public struct ModifyPlanRequest: Sendable {
  public var config: Value
  /// Null when the object is being created.
  public var priorState: Value
  public var context: OperationContext
}

public struct ModifyPlanResponse: Sendable {
  /// Starts as the framework's plan: configuration, defaults, prior values, unknown computed
  /// values. Change only computed attributes.
  public var plannedState: Value
  public var requiresReplace: [AttributePath]
  public var diagnostics: Diagnostics
}

public struct CreateRequest: Sendable {
  public var config: Value
  public var plannedState: Value
  public var context: OperationContext
}

public struct CreateResponse: Sendable {
  /// The created object, wholly known; null when nothing was created.
  public var state: Value
  public var diagnostics: Diagnostics
}

public struct ReadRequest: Sendable {
  public var state: Value
  public var context: OperationContext
}

public struct ReadResponse: Sendable {
  /// The refreshed object; set it to `.null` when the object no longer exists.
  public var state: Value
  public var diagnostics: Diagnostics
}

public struct UpdateRequest: Sendable {
  public var config: Value
  public var plannedState: Value
  public var priorState: Value
  public var context: OperationContext
}

public struct UpdateResponse: Sendable {
  public var state: Value
  public var diagnostics: Diagnostics
}

public struct DeleteRequest: Sendable {
  public var priorState: Value
  public var context: OperationContext
}

public struct DeleteResponse: Sendable {
  public var diagnostics: Diagnostics
}

public struct ImportRequest: Sendable {
  /// The ID the user passed to `terraform import` or an `import` block.
  public var id: String
  public var context: OperationContext
}

public struct ImportResponse: Sendable {
  /// Enough of the object for `read` to find it; null attributes are fine.
  public var state: Value
  public var diagnostics: Diagnostics
}

public struct UpgradeStateRequest: Sendable {
  /// The schema version the stored state was written with.
  public var version: Int64
  /// The stored state decoded with the current schema's type.
  public var rawState: Value
  public var context: OperationContext
}

public struct UpgradeStateResponse: Sendable {
  public var state: Value
  public var diagnostics: Diagnostics
}
