import Foundation
import TerraformPluginProtocol
import TerraformValues

extension Tfplugin6_DynamicValue {
  /// Terraform's own rule: msgpack when present, else JSON, and an empty value is null.
  func decoded(as type: CtyType) throws(ValueError) -> Value {
    if !msgpack.isEmpty { return try Value(messagePack: msgpack, as: type) }
    if !json.isEmpty { return try Value(json: json, as: type) }
    return .null
  }

  /// Providers always answer in msgpack: it is the only encoding that carries unknowns.
  init(_ value: Value, as type: CtyType) throws(ValueError) {
    self.init()
    msgpack = Data(try value.messagePack(as: type))
  }
}

extension ValueError {
  /// A value Terraform sent that does not fit the schema: a protocol mismatch, not a user error.
  func diagnostic(_ what: String) -> Diagnostic {
    .error(
      "Invalid \(what) from Terraform",
      detail:
        "The provider could not decode the \(what) at \(path.steps.isEmpty ? "its root" : path.description): \(message). This usually means the state was written by a different provider version.",
      attribute: path.steps.isEmpty ? nil : path)
  }
}
