extension JSON {
  /// Parses JSON text: a manifest given as JSON, or an object kept in Terraform state.
  public init(jsonText: String) throws(KubernetesError) {
    do {
      self = try JSONParser.parse(Array(jsonText.utf8))
    } catch {
      throw .invalidConfiguration("\(error)")
    }
  }
}
