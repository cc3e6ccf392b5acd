import DokaSeca
import Foundation
import KubernetesClient
import Testing

/// The ArgoCD cluster Secret as the GitOps Bridge writes it: the labels ApplicationSets select
/// clusters by, the annotations they template sources from, and the `name`/`server`/`config`
/// data ArgoCD reads to reach the cluster.
@Suite struct ClusterSecretTests {
  static let addons = GitOpsRepository(
    role: "addons", url: "https://github.com/dokaseca/gitops-addons.git", revision: "main", basepath: "gitops",
    path: "bootstrap/control-plane/addons")
  /// A repository with only its URL: no revision, basepath or path annotations.
  static let workloads = GitOpsRepository(role: "workloads", url: "https://github.com/dokaseca/gitops-workloads.git")

  static let caPEM =
    "-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwprdWJlcm5l\n-----END CERTIFICATE-----\n"
  static let certificatePEM =
    "-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIIQ2xpZW50Q2VydDAKBggqhkjOPQQDAjAVMRMwEQYDVQQD\n-----END CERTIFICATE-----\n"
  static let keyPEM =
    "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"

  /// The hub: the cluster ArgoCD runs in.
  static let hub = ClusterSecret(name: "hub-dev", namespace: "argocd")

  /// A spoke ArgoCD reaches over the network with client certificates.
  static let spoke = ClusterSecret(
    name: "spoke-prod", namespace: "argocd", environment: "prod", server: "https://spoke.example.com:6443",
    credentials: ClusterCredentials(
      certificateAuthorityPEM: caPEM, clientCertificatePEM: certificatePEM, clientKeyPEM: keyPEM))

  /// Text from base64, `nil` when it is not base64 of UTF-8.
  static func decode(_ encoded: String?) -> String? {
    encoded.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
  }

  static func conflicts(_ secret: ClusterSecret) -> [String] {
    secret.reservedKeyConflicts.map { "\($0.attribute):\($0.key)" }
  }

  // MARK: Labels

  @Test func labelsOfAMinimalSecret() {
    #expect(ClusterSecret.secretTypeLabel == "argocd.argoproj.io/secret-type")
    #expect(
      Self.hub.labels == [
        "argocd.argoproj.io/secret-type": "cluster",
        "cluster_name": "hub-dev",
        "enable_argocd": "true",
      ])
    // No environment, no environment label (not an empty one).
    #expect(Self.hub.labels["environment"] == nil)
  }

  @Test func environmentIsALabel() {
    var secret = Self.hub
    secret.environment = "dev"
    #expect(secret.labels["environment"] == "dev")
    #expect(
      secret.bridgeLabels == [
        "argocd.argoproj.io/secret-type": "cluster", "cluster_name": "hub-dev", "environment": "dev",
      ])
  }

  /// `enable_argocd` is an addon flag like any other, so the extra labels (the flags) decide it.
  @Test func enableArgoCDIsADefaultTheExtraLabelsOverride() {
    var secret = Self.hub
    secret.extraLabels = ["enable_argocd": "false"]
    #expect(secret.labels["enable_argocd"] == "false")
    #expect(secret.bridgeLabels["enable_argocd"] == nil)
    #expect(Self.conflicts(secret) == [])
  }

  /// A spoke that a hub's ArgoCD manages runs no ArgoCD of its own: no `enable_argocd` there,
  /// unless the extra labels (the addon flags) ask for one.
  @Test func spokeWithoutArgoCDHasNoEnableArgoCDLabel() {
    var secret = Self.spoke
    secret.runsArgoCD = false
    #expect(secret.labels["enable_argocd"] == nil)
    #expect(
      secret.labels == [
        "argocd.argoproj.io/secret-type": "cluster", "cluster_name": "spoke-prod", "environment": "prod",
      ])
    secret.extraLabels = ["enable_argocd": "true"]
    #expect(secret.labels["enable_argocd"] == "true")
    #expect(Self.conflicts(secret) == [])
    #expect(ClusterSecret(name: "x", namespace: "argocd").runsArgoCD)
  }

  @Test func extraLabelsAreMerged() {
    var secret = Self.hub
    secret.environment = "dev"
    secret.extraLabels = ["enable_kyverno": "true", "enable_cert_manager": "false", "example.com/team": "platform"]
    #expect(
      secret.labels == [
        "argocd.argoproj.io/secret-type": "cluster",
        "cluster_name": "hub-dev",
        "environment": "dev",
        "enable_argocd": "true",
        "enable_kyverno": "true",
        "enable_cert_manager": "false",
        "example.com/team": "platform",
      ])
  }

  /// Whatever the extra labels say, the Secret stays a cluster Secret of this cluster: the
  /// ApplicationSets' generators select it by exactly these labels.
  @Test func bridgeLabelsWinOverExtraLabels() {
    var secret = Self.hub
    secret.extraLabels = ["argocd.argoproj.io/secret-type": "repository", "cluster_name": "other"]
    #expect(secret.labels["argocd.argoproj.io/secret-type"] == "cluster")
    #expect(secret.labels["cluster_name"] == "hub-dev")
  }

  // MARK: Annotations

  @Test func annotationsOfEveryRepositoryRole() {
    var secret = Self.hub
    secret.environment = "dev"
    secret.repositories = [Self.addons, Self.workloads]
    #expect(
      secret.annotations == [
        "cluster_name": "hub-dev",
        "environment": "dev",
        "addons_repo_url": "https://github.com/dokaseca/gitops-addons.git",
        "addons_repo_revision": "main",
        "addons_repo_basepath": "gitops",
        "addons_repo_path": "bootstrap/control-plane/addons",
        "workloads_repo_url": "https://github.com/dokaseca/gitops-workloads.git",
      ])
  }

  @Test func unsetRepositoryPartsHaveNoAnnotation() {
    var secret = Self.hub
    secret.repositories = [Self.workloads]
    #expect(secret.annotations["workloads_repo_url"] == Self.workloads.url)
    for part in ["revision", "basepath", "path"] {
      #expect(secret.annotations["workloads_repo_\(part)"] == nil, "workloads_repo_\(part)")
    }
    #expect(Self.workloads.annotations == ["workloads_repo_url": Self.workloads.url])
  }

  @Test func annotationKeysFollowTheRole() {
    let extras = GitOpsRepository(role: "addons_extras", url: "https://example.com/extras.git", path: "extras")
    #expect(extras.annotationKey("url") == "addons_extras_repo_url")
    #expect(
      extras.annotations == [
        "addons_extras_repo_url": "https://example.com/extras.git", "addons_extras_repo_path": "extras",
      ])
  }

  @Test func minimalAnnotations() {
    #expect(Self.hub.annotations == ["cluster_name": "hub-dev"])
  }

  @Test func extraAnnotationsAreMerged() {
    var secret = Self.hub
    secret.repositories = [Self.workloads]
    secret.extraAnnotations = ["example.com/owner": "alice", "note": ""]
    #expect(
      secret.annotations == [
        "cluster_name": "hub-dev",
        "workloads_repo_url": Self.workloads.url,
        "example.com/owner": "alice",
        "note": "",
      ])
  }

  @Test func bridgeAnnotationsWinOverExtraAnnotations() {
    var secret = Self.hub
    secret.repositories = [Self.addons]
    secret.extraAnnotations = ["addons_repo_url": "https://evil.example.com/addons.git", "cluster_name": "other"]
    #expect(secret.annotations["addons_repo_url"] == Self.addons.url)
    #expect(secret.annotations["cluster_name"] == "hub-dev")
  }

  // MARK: Reserved keys

  @Test func extraLabelChangingClusterNameConflicts() {
    var secret = Self.hub
    secret.extraLabels = ["cluster_name": "other"]
    #expect(Self.conflicts(secret) == ["labels:cluster_name"])
  }

  @Test func extraLabelRepeatingABridgeValueDoesNotConflict() {
    var secret = Self.hub
    secret.extraLabels = ["cluster_name": "hub-dev", "argocd.argoproj.io/secret-type": "cluster"]
    #expect(Self.conflicts(secret) == [])
  }

  /// Only keys the bridge sets are reserved: without an environment, `environment` is free.
  @Test func environmentIsReservedOnlyWhenSet() {
    var secret = Self.hub
    secret.extraLabels = ["environment": "staging"]
    secret.extraAnnotations = ["environment": "staging"]
    #expect(Self.conflicts(secret) == [])
    #expect(secret.labels["environment"] == "staging")

    secret.environment = "dev"
    #expect(Self.conflicts(secret) == ["labels:environment", "annotations:environment"])
  }

  @Test func repositoryAnnotationsAreReserved() {
    var secret = Self.hub
    secret.repositories = [Self.addons]
    secret.extraAnnotations = ["addons_repo_revision": "v2", "addons_repo_url": Self.addons.url]
    #expect(Self.conflicts(secret) == ["annotations:addons_repo_revision"])
  }

  /// Labels first, then annotations; each sorted by key, so diagnostics come out stably.
  @Test func conflictsAreOrdered() {
    var secret = Self.hub
    secret.environment = "dev"
    secret.extraLabels = ["environment": "x", "cluster_name": "x", "argocd.argoproj.io/secret-type": "x", "team": "x"]
    secret.extraAnnotations = ["environment": "x", "cluster_name": "x"]
    #expect(
      Self.conflicts(secret) == [
        "labels:argocd.argoproj.io/secret-type", "labels:cluster_name", "labels:environment",
        "annotations:cluster_name", "annotations:environment",
      ])
  }

  // MARK: config

  /// ArgoCD reaches its own cluster through its service account: no credentials, TLS verified.
  @Test func inClusterConfig() {
    #expect(Self.hub.server == "https://kubernetes.default.svc")
    #expect(Self.hub.config == #"{"tlsClientConfig":{"insecure":false}}"#)
  }

  /// ArgoCD's `TLSClientConfig` holds `[]byte` fields, which Go's JSON encodes as base64: the
  /// PEMs appear base64-encoded inside the (itself base64-encoded) `config`.
  @Test func spokeConfigCarriesBase64PEMs() throws {
    let config = try JSON(jsonText: Self.spoke.config)
    let tls = config["tlsClientConfig"]
    #expect(tls["insecure"] == false)
    #expect(Self.decode(tls["caData"].stringValue) == Self.caPEM)
    #expect(Self.decode(tls["certData"].stringValue) == Self.certificatePEM)
    #expect(Self.decode(tls["keyData"].stringValue) == Self.keyPEM)
    #expect(Set(tls.objectValue.map { Array($0.keys) } ?? []) == ["insecure", "caData", "certData", "keyData"])
    #expect(config["bearerToken"] == .null)
    #expect(Set(config.objectValue.map { Array($0.keys) } ?? []) == ["tlsClientConfig"])
  }

  @Test func bearerTokenIsPlainText() throws {
    var secret = Self.spoke
    secret.credentials = ClusterCredentials(
      certificateAuthorityPEM: Self.caPEM, bearerToken: "eyJhbGciOiJSUzI1NiJ9.token")
    let config = try JSON(jsonText: secret.config)
    #expect(config["bearerToken"] == "eyJhbGciOiJSUzI1NiJ9.token")
    #expect(Self.decode(config["tlsClientConfig"]["caData"].stringValue) == Self.caPEM)
    #expect(config["tlsClientConfig"]["certData"] == .null)
    #expect(config["tlsClientConfig"]["keyData"] == .null)
  }

  /// Keys sorted, no whitespace: equal credentials give byte-equal Secrets, so no spurious diff.
  @Test func configIsCanonical() throws {
    var secret = Self.spoke
    secret.credentials.bearerToken = "t"
    let config = secret.config
    #expect(!config.contains(" ") && !config.contains("\n"))
    #expect(config.hasPrefix(#"{"bearerToken":"t","tlsClientConfig":{"caData":""#))
    #expect(try JSON(jsonText: config).jsonText == config)
    #expect(config == secret.config)
  }

  // MARK: data and object

  @Test func dataNamesTheCluster() {
    #expect(
      Self.hub.data == ["name": "hub-dev", "server": "https://kubernetes.default.svc", "config": Self.hub.config])
    #expect(Self.spoke.data["server"] == "https://spoke.example.com:6443")
    #expect(Self.spoke.data["name"] == "spoke-prod")
  }

  @Test func objectIsASecret() throws {
    var secret = Self.spoke
    secret.extraLabels = ["enable_kyverno": "true"]
    secret.extraAnnotations = ["example.com/owner": "alice"]
    secret.repositories = [Self.addons]
    let object = secret.object
    #expect(object["apiVersion"] == "v1")
    #expect(object["kind"] == "Secret")
    #expect(object["metadata"]["name"] == "spoke-prod")
    #expect(object["metadata"]["namespace"] == "argocd")
    #expect(object["metadata"]["labels"] == .object(secret.labels.mapValues { .string($0) }))
    #expect(object["metadata"]["annotations"] == .object(secret.annotations.mapValues { .string($0) }))
    // Kubernetes Secret `data` values are base64 strings; `stringData` is not used.
    #expect(object["stringData"] == .null)
    let data = try #require(object["data"].objectValue)
    #expect(Set(data.keys) == ["name", "server", "config"])
    for (key, value) in data {
      let encoded = try #require(value.stringValue, "data.\(key) is not a string")
      #expect(Self.decode(encoded) == secret.data[key], "data.\(key)")
    }
    #expect(data["name"] == .string(Data("spoke-prod".utf8).base64EncodedString()))
  }

  /// The same Secret whatever order the dictionaries were built in.
  @Test func objectIsDeterministic() {
    let one = ClusterSecret(
      name: "hub-dev", namespace: "argocd", extraLabels: ["a": "1", "b": "2"],
      repositories: [Self.addons, Self.workloads])
    let two = ClusterSecret(
      name: "hub-dev", namespace: "argocd", extraLabels: ["b": "2", "a": "1"],
      repositories: [Self.addons, Self.workloads])
    #expect(one.object == two.object)
    #expect(one.object.jsonText == two.object.jsonText)
  }

  // MARK: decodedData

  @Test func decodedDataRoundTrips() {
    var secret = Self.spoke
    secret.credentials.bearerToken = "token with spaces and ünïcödé"
    #expect(ClusterSecret.decodedData(of: secret.object) == secret.data)
    #expect(ClusterSecret.decodedData(of: Self.hub.object) == Self.hub.data)
  }

  @Test func decodedDataSkipsWhatIsNotBase64Text() {
    let secret: JSON = [
      "apiVersion": "v1", "kind": "Secret",
      "data": [
        "name": .string(Data("hub-dev".utf8).base64EncodedString()),
        "notBase64": "not base64!",
        "notAString": 42,
        "null": nil,
        // Valid base64 of bytes that are not UTF-8.
        "binary": .string(Data([0xFF, 0xFE, 0xFD]).base64EncodedString()),
      ],
    ]
    #expect(ClusterSecret.decodedData(of: secret) == ["name": "hub-dev"])
  }

  @Test func decodedDataOfASecretWithoutData() {
    #expect(ClusterSecret.decodedData(of: ["apiVersion": "v1", "kind": "Secret"]) == [:])
    #expect(ClusterSecret.decodedData(of: ["data": "not an object"]) == [:])
  }
}
