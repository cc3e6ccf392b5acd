/// The `TF_REATTACH_PROVIDERS` value that points Terraform at an already running provider.
///
/// `Test: true` matters for protocol 6: without it go-plugin leaves the negotiated version at 0
/// and Terraform treats the provider as protocol 5. It also stops Terraform from killing it.
struct ReattachConfiguration: Sendable {
  var providerAddress: String
  var processID: Int
  var network: String
  var address: String

  var json: String {
    "{\(JSONText.quoted(providerAddress)):{\"Protocol\":\"grpc\",\"ProtocolVersion\":\(PluginEnvironment.protocolVersion),"
      + "\"Pid\":\(processID),\"Test\":true,\"Addr\":{\"Network\":\(JSONText.quoted(network)),\"String\":\(JSONText.quoted(address))}}}"
  }
}
