import KubernetesClient
import Testing

/// The validator against the ArgoCD v3.5.1 CRDs: objects shaped like the ones the provider renders
/// pass, and each kind of mistake a 1.20 API server would prune or coerce silently is named by path.
@Suite struct CRDSchemaValidatorTests {
  static func application() throws -> CRDSchemaValidator { try CRDSchemaValidator.argocd("application") }
  static func applicationSet() throws -> CRDSchemaValidator { try CRDSchemaValidator.argocd("applicationset") }

  /// The smallest Application the CRD accepts: `spec.project` and `spec.destination` are its
  /// only required fields (a source is optional to the schema; ArgoCD itself complains later).
  static let minimalApplication: JSON = [
    "apiVersion": "argoproj.io/v1alpha1",
    "kind": "Application",
    "metadata": ["name": "guestbook", "namespace": "argocd"],
    "spec": [
      "project": "default",
      "source": ["repoURL": "https://github.com/argoproj/argocd-example-apps.git", "path": "guestbook"],
      "destination": ["server": "https://kubernetes.default.svc", "namespace": "guestbook"],
    ],
  ]

  /// An ApplicationSet shaped like the GitOps Bridge's App of Apps (`AppOfApps`): a cluster
  /// generator selecting the bridge's cluster Secret, and a template whose source comes from the
  /// Secret's annotations.
  static let bridgeApplicationSet: JSON = [
    "apiVersion": "argoproj.io/v1alpha1",
    "kind": "ApplicationSet",
    "metadata": [
      "name": "hub-dev-addons",
      "namespace": "argocd",
      "labels": ["app.kubernetes.io/managed-by": "dokaseca", "dokaseca.io/cluster": "hub-dev"],
    ],
    "spec": [
      "generators": [
        [
          "clusters": [
            "selector": [
              "matchLabels": ["argocd.argoproj.io/secret-type": "cluster", "cluster_name": "hub-dev"],
              "matchExpressions": [["key": "enable_argocd", "operator": "In", "values": ["true"]]],
            ]
          ]
        ]
      ],
      "template": [
        "metadata": [
          "name": "addons-{{name}}",
          "finalizers": ["resources-finalizer.argocd.argoproj.io"],
        ],
        "spec": [
          "project": "default",
          "source": [
            "repoURL": "{{metadata.annotations.addons_repo_url}}",
            "targetRevision": "{{metadata.annotations.addons_repo_revision}}",
            "path": "{{metadata.annotations.addons_repo_basepath}}/{{metadata.annotations.addons_repo_path}}",
            "directory": ["recurse": true],
          ],
          "destination": ["name": "{{name}}", "namespace": "argocd"],
          "syncPolicy": [
            "automated": ["prune": true, "selfHeal": true],
            "syncOptions": ["CreateNamespace=true"],
          ],
        ],
      ],
    ],
  ]

  // MARK: The CRDs themselves

  @Test(arguments: [
    ("application", "Application"), ("applicationset", "ApplicationSet"), ("appproject", "AppProject"),
  ])
  func argocdCRDsUseOnlyCheckedKeywords(crd: String, kind: String) throws {
    let validator = try CRDSchemaValidator.argocd(crd)
    #expect(validator.group == "argoproj.io")
    #expect(validator.kind == kind)
    #expect(Array(validator.schemas.keys) == ["v1alpha1"])
    // Nothing in the schema is skipped: a keyword the validator does not know would show here.
    #expect(validator.unsupportedKeywords == [])
  }

  // MARK: Valid objects

  @Test func minimalApplicationIsValid() throws {
    #expect(try Self.application().validate(Self.minimalApplication) == [])
  }

  @Test func bridgeApplicationSetIsValid() throws {
    #expect(try Self.applicationSet().validate(Self.bridgeApplicationSet) == [])
  }

  /// An addon ApplicationSet the way the upstream addons repository writes them, in YAML: a merge
  /// of cluster generators with per-environment values, Go templates, a Helm chart with values
  /// from the addons repository (`$values` ref) and free-form `valuesObject`.
  @Test func addonApplicationSetFromYAMLIsValid() throws {
    let yaml = """
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: addons-cert-manager
        namespace: argocd
      spec:
        goTemplate: true
        goTemplateOptions: ["missingkey=error"]
        syncPolicy:
          preserveResourcesOnDeletion: true
          applicationsSync: create-update
        generators:
          - merge:
              mergeKeys: [server]
              generators:
                - clusters:
                    values:
                      addonChart: cert-manager
                      addonChartVersion: v1.16.2
                      addonChartRepository: https://charts.jetstack.io
                    selector:
                      matchExpressions:
                        - key: enable_cert_manager
                          operator: In
                          values: ['true']
                - clusters:
                    selector:
                      matchLabels:
                        environment: prod
                    values:
                      addonChartVersion: v1.15.5
        template:
          metadata:
            name: 'addon-{{.name}}-{{.values.addonChart}}'
            labels:
              app.kubernetes.io/part-of: dokaseca
          spec:
            project: default
            sources:
              - repoURL: '{{.metadata.annotations.addons_repo_url}}'
                targetRevision: '{{.metadata.annotations.addons_repo_revision}}'
                ref: values
              - chart: '{{.values.addonChart}}'
                repoURL: '{{.values.addonChartRepository}}'
                targetRevision: '{{.values.addonChartVersion}}'
                helm:
                  releaseName: '{{.values.addonChart}}'
                  ignoreMissingValueFiles: true
                  valueFiles:
                    - '$values/{{.metadata.annotations.addons_repo_basepath}}{{.values.addonChart}}/values.yaml'
                    - '$values/environments/{{.metadata.labels.environment}}/{{.values.addonChart}}.yaml'
                  valuesObject:
                    crds:
                      enabled: true
                    replicaCount: 2
                    extraArgs: [--enable-certificate-owner-ref=true]
            destination:
              namespace: cert-manager
              name: '{{.name}}'
            syncPolicy:
              automated:
                prune: false
                selfHeal: true
              retry:
                limit: 5
                backoff: {duration: 5s, factor: 2, maxDuration: 3m}
              syncOptions:
                - CreateNamespace=true
                - ServerSideApply=true
      """
    #expect(try Self.applicationSet().validate(JSON(yaml: yaml)) == [])
  }

  /// Below `x-kubernetes-preserve-unknown-fields` anything goes: Helm values, list generator
  /// elements, and generators nested two levels deep in a matrix.
  @Test func preservedUnknownFieldsAcceptAnything() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["generators"] = [
      [
        "list": [
          "elements": [["cluster": "hub-dev", "replicas": 3, "nested": ["anything": [true, nil]]], "bare string"]
        ]
      ],
      [
        "matrix": [
          "generators": [
            ["matrix": ["generators": [["anyGenerator": ["with": "unknown fields"]]]]],
            ["clusters": ["selector": ["matchLabels": ["env": "dev"]]]],
          ]
        ]
      ],
    ]
    appSet["spec"]["template"]["spec"]["source"]["helm"] = ["valuesObject": ["any": ["shape": [1, "two", 3.5]]]]
    #expect(try Self.applicationSet().validate(appSet) == [])
  }

  // MARK: What the API server would accept and silently prune or coerce

  @Test func unknownFieldIsNamed() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["template"]["spec"]["sourc"] = appSet["spec"]["template"]["spec"]["source"]
    appSet["spec"]["template"]["spec"].removeValue(forKey: "source")
    #expect(try Self.applicationSet().validate(appSet) == ["spec.template.spec.sourc: unknown field"])
  }

  @Test func unknownFieldsAtEveryDepthAreNamed() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["generator"] = []
    appSet["spec"]["template"]["spec"]["syncPolicy"]["automated"]["selfheal"] = true
    appSet["status"]["made_up"] = 1
    #expect(
      try Self.applicationSet().validate(appSet) == [
        "spec.generator: unknown field",
        "spec.template.spec.syncPolicy.automated.selfheal: unknown field",
        "status.made_up: unknown field",
      ])
  }

  @Test func wrongTypeIsNamed() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["generators"] = "clusters"
    #expect(try Self.applicationSet().validate(appSet) == ["spec.generators: must be of type array, got string"])
  }

  /// The YAML trap: an unquoted `1.0` is a number, which a string field must not hold.
  @Test func unquotedYAMLNumberIsNotAString() throws {
    let application = try JSON(
      yaml: """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: podinfo}
        spec:
          project: default
          source: {repoURL: https://stefanprodan.github.io/podinfo, chart: podinfo, targetRevision: 6.0}
          destination: {name: in-cluster, namespace: podinfo}
        """)
    #expect(
      try Self.application().validate(application) == [
        "spec.source.targetRevision: must be of type string, got number"
      ])
  }

  @Test func mapValuesAreCheckedAgainstAdditionalProperties() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["template"]["metadata"]["labels"] = ["dokaseca.io/tier": "core", "enabled": true]
    #expect(
      try Self.applicationSet().validate(appSet) == [
        "spec.template.metadata.labels.enabled: must be of type string, got boolean"
      ])
  }

  @Test func arrayElementsAreNamedByIndex() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["template"]["spec"]["syncPolicy"]["syncOptions"] = ["CreateNamespace=true", ["Prune": false]]
    appSet["spec"]["generators"] = [
      appSet["spec"]["generators"][0], ["clusters": ["selector": ["matchLabels": ["a.b/c": 1]]]],
    ]
    #expect(
      try Self.applicationSet().validate(appSet) == [
        #"spec.generators[1].clusters.selector.matchLabels["a.b/c"]: must be of type string, got integer"#,
        "spec.template.spec.syncPolicy.syncOptions[1]: must be of type string, got object",
      ])
  }

  @Test(arguments: ["destination", "project"])
  func missingRequiredFieldIsNamed(field: String) throws {
    var application = Self.minimalApplication
    application["spec"].removeValue(forKey: field)
    #expect(try Self.application().validate(application) == ["spec.\(field): required field missing"])
  }

  @Test func requiredFieldsOfNestedObjectsAreChecked() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["template"]["spec"]["source"].removeValue(forKey: "repoURL")
    appSet["spec"]["generators"] = [
      ["clusters": ["selector": ["matchExpressions": [["key": "enable_argocd", "values": ["true"]]]]]]
    ]
    #expect(
      try Self.applicationSet().validate(appSet) == [
        "spec.generators[0].clusters.selector.matchExpressions[0].operator: required field missing",
        "spec.template.spec.source.repoURL: required field missing",
      ])
  }

  /// The only enum in the ApplicationSet CRD's spec: the ApplicationSet controller's policy.
  @Test func enumViolationIsNamed() throws {
    var appSet = Self.bridgeApplicationSet
    appSet["spec"]["syncPolicy"] = ["applicationsSync": "create-or-update"]
    #expect(
      try Self.applicationSet().validate(appSet) == [
        #"spec.syncPolicy.applicationsSync: must be one of "create-only", "create-update", "create-delete", "sync", "#
          + #"got "create-or-update""#
      ])
  }

  /// `x-kubernetes-int-or-string` (Kustomize replica counts) takes either, and nothing else.
  @Test func intOrStringTakesIntegersAndStringsOnly() throws {
    var application = Self.minimalApplication
    application["spec"]["source"]["kustomize"] = [
      "replicas": [["name": "a", "count": 3], ["name": "b", "count": "3"], ["name": "c", "count": true]]
    ]
    // One violation, though the CRD also spells the rule as `anyOf: [integer, string]`: a value
    // of neither type is not checked any further.
    #expect(
      try Self.application().validate(application) == [
        "spec.source.kustomize.replicas[2].count: must be an integer or a string, got boolean"
      ])
  }

  /// The source hydrator's sync path must not be empty or the repository root (`minLength: 1`,
  /// `pattern: ^.{2,}|[^./]$`).
  @Test func lengthAndPatternAreChecked() throws {
    var application = Self.minimalApplication
    let hydrator: JSON = [
      "drySource": ["repoURL": "https://example.com/repo.git", "targetRevision": "HEAD", "path": "apps"],
      "syncSource": ["targetBranch": "env/dev", "path": "."],
    ]
    application["spec"]["sourceHydrator"] = hydrator
    let validator = try Self.application()
    #expect(
      validator.validate(application) == [
        #"spec.sourceHydrator.syncSource.path: must match the pattern "^.{2,}|[^./]$", got ".""#
      ])

    application["spec"]["sourceHydrator"]["syncSource"]["path"] = ""
    #expect(
      validator.validate(application) == [
        "spec.sourceHydrator.syncSource.path: must be at least 1 characters long, is 0",
        #"spec.sourceHydrator.syncSource.path: must match the pattern "^.{2,}|[^./]$", got """#,
      ])

    application["spec"]["sourceHydrator"]["syncSource"]["path"] = "env/dev"
    #expect(validator.validate(application) == [])
  }

  /// The API server drops a `null` in a field that is not `nullable`; a renderer should not
  /// write one.
  @Test func nullIsNotAValue() throws {
    var application = Self.minimalApplication
    application["spec"]["source"]["targetRevision"] = nil
    #expect(
      try Self.application().validate(application) == [
        "spec.source.targetRevision: must not be null (the schema is not nullable)"
      ])
  }

  // MARK: Identity

  @Test func identityIsChecked() throws {
    let validator = try Self.applicationSet()
    #expect(
      validator.validate(Self.minimalApplication) == [
        #"kind: must be "ApplicationSet", got "Application""#,
        "spec.generators: required field missing",
        "spec.template: required field missing",
        "spec.destination: unknown field",
        "spec.project: unknown field",
        "spec.source: unknown field",
      ])

    var appSet = Self.bridgeApplicationSet
    appSet["metadata"].removeValue(forKey: "name")
    #expect(validator.validate(appSet) == ["metadata.name: required field missing"])

    appSet["apiVersion"] = "argoproj.io/v1"
    #expect(validator.validate(appSet) == [#"apiVersion: must be one of "argoproj.io/v1alpha1", got "argoproj.io/v1""#])

    #expect(validator.validate(["an", "array"]) == ["<root>: must be of type object, got array"])
  }
}

/// The keywords the ArgoCD CRDs do not use, on a small CRD written for the purpose.
@Suite struct CRDSchemaValidatorKeywordTests {
  static let validator: CRDSchemaValidator = {
    let schema: JSON = [
      "type": "object",
      "properties": [
        "apiVersion": ["type": "string"], "kind": ["type": "string"], "metadata": ["type": "object"],
        "spec": [
          "type": "object",
          "additionalProperties": false,
          "properties": [
            "port": ["type": "integer", "format": "int32", "minimum": 1, "maximum": 65535],
            "ratio": ["type": "number", "minimum": 0, "exclusiveMinimum": true],
            "tags": ["type": "array", "minItems": 1, "maxItems": 2, "items": ["type": "string", "maxLength": 3]],
            "comment": ["type": "string", "nullable": true],
            "mode": ["type": "string", "oneOf": [["pattern": "^a"], ["pattern": "b$"]]],
            "name": ["type": "string", "allOf": [["minLength": 2]], "not": ["enum": ["root"]]],
          ],
        ],
      ],
    ]
    let crd: JSON = [
      "apiVersion": "apiextensions.k8s.io/v1",
      "kind": "CustomResourceDefinition",
      "metadata": ["name": "widgets.example.com"],
      "spec": [
        "group": "example.com",
        "names": ["kind": "Widget", "plural": "widgets"],
        "versions": [
          ["name": "v1", "served": true, "storage": true, "schema": ["openAPIV3Schema": schema]],
          ["name": "v0", "served": false, "storage": false, "schema": ["openAPIV3Schema": schema]],
        ],
      ],
    ]
    return try! CRDSchemaValidator(crd: crd)
  }()

  static func widget(_ spec: JSON) -> JSON {
    ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": spec]
  }

  @Test func validWidget() {
    let widget = Self.widget([
      "port": 8080, "ratio": 0.5, "tags": ["a", "bcd"], "comment": nil, "mode": "abc", "name": "web",
    ])
    #expect(Self.validator.validate(widget) == [])
    #expect(Self.validator.unsupportedKeywords == [])
  }

  /// Each a spec and one of the violations it must produce. Typed up front: inferring the type
  /// of this literal inside `@Test(arguments:)` is beyond the type checker.
  static let violationCases: [(spec: JSON, expected: String)] = [
    (["port": 0], "spec.port: must be at least 1, got 0"),
    (["port": 70000], "spec.port: must be at most 65535, got 70000"),
    (["port": 5_000_000_000], "spec.port: must be at most 65535, got 5000000000"),
    (["ratio": 0], "spec.ratio: must be greater than 0, got 0"),
    (["tags": []], "spec.tags: must have at least 1 items, has 0"),
    (["tags": ["a", "b", "c"]], "spec.tags: must have at most 2 items, has 3"),
    (["tags": ["abcd"]], "spec.tags[0]: must be at most 3 characters long, is 4"),
    (["mode": "ab"], "spec.mode: must match exactly one schema of oneOf, matches 2"),
    (["mode": "c"], "spec.mode: must match exactly one schema of oneOf, matches 0"),
    (["name": "x"], "spec.name: must be at least 2 characters long, is 1"),
    (["name": "root"], "spec.name: must not match the schema of not"),
    (["colour": "red"], "spec.colour: unknown field"),
  ]

  @Test(arguments: violationCases)
  func violation(spec: JSON, expected: String) {
    let violations = Self.validator.validate(Self.widget(spec))
    #expect(violations.contains(expected), "\(violations)")
  }

  @Test func int32RangeIsChecked() {
    let violations = Self.validator.validate(Self.widget(["port": 5_000_000_000]))
    #expect(violations.contains("spec.port: must fit in int32 (format: int32), got 5000000000"))
  }

  @Test func unservedVersionIsRejected() {
    var widget = Self.widget([:])
    widget["apiVersion"] = "example.com/v0"
    #expect(Self.validator.validate(widget) == [#"apiVersion: must be one of "example.com/v1", got "example.com/v0""#])
  }
}
