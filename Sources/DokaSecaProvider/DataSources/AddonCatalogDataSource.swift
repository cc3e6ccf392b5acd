import DokaSeca
import TerraformProviderFramework
import TerraformValues

/// `dokaseca_addon_catalog`: every DoKa Seca addon ApplicationSet and the flag that deploys it,
/// optionally filtered by category, with chart versions for an environment.
struct AddonCatalogDataSource: DataSource {
  let catalog = AddonCatalog.dokaSeca

  var typeName: String { "dokaseca_addon_catalog" }

  static let addonType = CtyType.object([
    "flag": .string, "name": .string, "category": .string, "chart": .string,
    "chart_repository": .string, "chart_version": .string, "requires": .list(.string),
  ])

  var schema: Schema {
    Schema(
      description:
        "The DoKa Seca addon catalog: one entry per addon ApplicationSet, with the flag that deploys it, its chart and the flags it needs.",
      attributes: [
        Attribute(
          "category", type: .string, .optional,
          description: "Only the addons of this category, such as security or observability.",
          validators: [.oneOf(catalog.categories)]),
        Attribute(
          "environment", type: .string, .optional,
          description:
            "Report the chart version pinned for this environment (dev or prod) where the catalog pins one; otherwise the default version."
        ),
        Attribute(
          "addons", type: .list(Self.addonType), .computed,
          description:
            "The addons, sorted by name: flag, name (the ApplicationSet), category, chart, chart_repository and chart_version (null for Kustomize-based addons), and requires (the other flags it needs)."
        ),
        Attribute("flags", type: .set(.string), .computed, description: "Every addon flag name of the catalog."),
      ])
  }

  func read(_ request: DataSourceReadRequest, _ response: inout DataSourceReadResponse) async {
    let category = request.config[attribute: "category"].stringValue
    let environment = request.config[attribute: "environment"].stringValue
    let entries = catalog.entries
      .filter { category == nil || $0.category == category }
      .sorted { $0.applicationSetName < $1.applicationSetName }
    let addons: [Value] = entries.map { entry in
      .object([
        "flag": .string(entry.flag),
        "name": .string(entry.applicationSetName),
        "category": .string(entry.category),
        "chart": .optionalString(entry.chart),
        "chart_repository": .optionalString(entry.chartRepository),
        "chart_version": .optionalString(
          environment.flatMap { entry.chartVersionByEnvironment[$0] } ?? entry.chartVersion),
        "requires": .stringList(entry.requires),
      ])
    }
    response.state = request.config
      .settingAttribute("addons", to: .list(addons))
      .settingAttribute("flags", to: .stringSet(catalog.flags))
  }
}
