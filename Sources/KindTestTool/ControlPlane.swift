import Foundation

/// Where etcd, kube-apiserver and kube-controller-manager are.
struct KubeBinaries {
  static let version = "1.20.2"

  var etcd: String
  var apiServer: String
  var controllerManager: String?

  static var defaultDirectory: String {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return "\(home)/.cache/dokaseca/kube/\(version)/bin"
  }

  /// `DOKASECA_KUBE_BIN`, else the install script's cache, else `KUBEBUILDER_ASSETS`.
  static func locate() throws -> KubeBinaries {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let explicit = environment["DOKASECA_KUBE_BIN"], !explicit.isEmpty {
      candidates = [explicit]
    } else {
      candidates = [defaultDirectory]
      if let assets = environment["KUBEBUILDER_ASSETS"], !assets.isEmpty { candidates.append(assets) }
    }
    let files = FileManager.default
    for directory in candidates {
      let apiServer = "\(directory)/kube-apiserver"
      let etcd = "\(directory)/etcd"
      guard files.isExecutableFile(atPath: apiServer), files.isExecutableFile(atPath: etcd) else { continue }
      let controllerManager = "\(directory)/kube-controller-manager"
      return KubeBinaries(
        etcd: etcd, apiServer: apiServer,
        controllerManager: files.isExecutableFile(atPath: controllerManager) ? controllerManager : nil)
    }
    throw KindError(
      "Kubernetes control-plane binaries not found: dokaseca-kind needs etcd, kube-apiserver and "
        + "kube-controller-manager in \(candidates.joined(separator: " or ")) "
        + "(set DOKASECA_KUBE_BIN or KUBEBUILDER_ASSETS to another folder); "
        + "run scripts/install-kube-control-plane.sh to build and install them")
  }
}

/// Starts and watches the control-plane processes of one cluster.
struct ControlPlane {
  let binaries: KubeBinaries
  let store: ClusterStore
  let state: ClusterState
  let featureGates: [(String, Bool)]
  let runtimeConfig: [(String, String)]

  var directory: URL { store.directory(state.name) }
  var pki: ClusterPKI { ClusterPKI(directory: store.pkiDirectory(state.name)) }
  var loopback: String { state.ipFamily == "ipv6" ? "::1" : "127.0.0.1" }
  var etcdClientURL: String { "http://" + IPAddress.joinHostPort(loopback, state.etcdClientPort) }
  var etcdPeerURL: String { "http://" + IPAddress.joinHostPort(loopback, state.etcdPeerPort) }
  var apiServerURL: String { "https://" + IPAddress.joinHostPort(state.apiServerAddress, state.apiServerPort) }
  var client: KubeClient { KubeClient(server: apiServerURL, pki: pki) }

  /// Every controller-manager controller this fake needs: namespaces are finalized, service
  /// accounts and their token secrets appear, owners' deletions cascade, aggregated roles fill
  /// in, `kube-root-ca.crt` is published. Not the node lifecycle controller: no kubelet posts
  /// heartbeats, and it would mark the nodes NotReady.
  static let defaultControllers = [
    "namespace", "serviceaccount", "serviceaccount-token", "garbagecollector", "clusterrole-aggregation",
    "root-ca-cert-publisher", "csrapproving", "csrsigning", "csrcleaner", "endpoint", "endpointslice",
    "endpointslicemirroring", "replicaset", "deployment", "statefulset", "daemonset", "job", "cronjob",
    "disruption", "podgc", "resourcequota", "persistentvolume-binder", "persistentvolume-expander",
    "pvc-protection", "pv-protection",
  ]

  func start() throws {
    try startEtcd()
    try startAPIServer()
    try startControllerManager()
  }

  func startEtcd() throws {
    let dataDirectory = directory.appendingPathComponent("etcd")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    let member = "\(state.name)-control-plane"
    let pid = try spawn(
      "etcd", binaries.etcd,
      [
        "--name=\(member)",
        "--data-dir=\(dataDirectory.path)",
        "--listen-client-urls=\(etcdClientURL)",
        "--advertise-client-urls=\(etcdClientURL)",
        "--listen-peer-urls=\(etcdPeerURL)",
        "--initial-advertise-peer-urls=\(etcdPeerURL)",
        "--initial-cluster=\(member)=\(etcdPeerURL)",
        "--initial-cluster-state=new",
        "--logger=zap",
        "--log-outputs=stderr",
        "--snapshot-count=10000",
      ])
    // etcd answers /health once it has elected itself; a second or so.
    try waitUntil(timeout: 60, process: pid, name: "etcd") {
      let result = try? KubeClient.run(
        try KubeClient.curlPath(), ["--silent", "--max-time", "2", etcdClientURL + "/health"])
      return result.map { String(decoding: $0.output, as: UTF8.self).contains("\"health\":\"true\"") } ?? false
    }
  }

  func startAPIServer() throws {
    var arguments = [
      "--advertise-address=\(loopback)",
      "--bind-address=\(state.apiServerAddress)",
      "--secure-port=\(state.apiServerPort)",
      "--insecure-port=0",
      "--etcd-servers=\(etcdClientURL)",
      "--cert-dir=\(pki.directory.path)",
      "--tls-cert-file=\(pki.apiServerCertificate.path)",
      "--tls-private-key-file=\(pki.apiServerKey.path)",
      "--client-ca-file=\(pki.caCertificate.path)",
      "--authorization-mode=Node,RBAC",
      "--enable-admission-plugins=NodeRestriction",
      "--allow-privileged=true",
      "--service-cluster-ip-range=\(state.serviceSubnet.split(separator: ",")[0])",
      "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
      "--service-account-key-file=\(pki.serviceAccountPublicKey.path)",
      "--service-account-signing-key-file=\(pki.serviceAccountKey.path)",
      "--api-audiences=https://kubernetes.default.svc.cluster.local",
      // The `kubernetes` Service's endpoints would be a loopback address, which Endpoints reject.
      "--endpoint-reconciler-type=none",
      // The aggregation layer, as kubeadm configures it.
      "--requestheader-client-ca-file=\(pki.frontProxyCACertificate.path)",
      "--requestheader-allowed-names=front-proxy-client",
      "--requestheader-extra-headers-prefix=X-Remote-Extra-",
      "--requestheader-group-headers=X-Remote-Group",
      "--requestheader-username-headers=X-Remote-User",
      "--proxy-client-cert-file=\(pki.frontProxyClientCertificate.path)",
      "--proxy-client-key-file=\(pki.frontProxyClientKey.path)",
      "--profiling=false",
    ]
    if !featureGates.isEmpty {
      arguments.append("--feature-gates=" + featureGates.map { "\($0.0)=\($0.1)" }.joined(separator: ","))
    }
    if !runtimeConfig.isEmpty {
      arguments.append("--runtime-config=" + runtimeConfig.map { "\($0.0)=\($0.1)" }.joined(separator: ","))
    }
    let pid = try spawn("kube-apiserver", binaries.apiServer, arguments)
    // The bootstrap controller creates the `default` namespace only after /readyz first passes;
    // real kind returns long after that (kubeadm's later phases), so callers may use it at once.
    try waitUntil(timeout: 180, process: pid, name: "kube-apiserver") {
      guard let ready = try? client.request("GET", "/readyz", timeout: 3), ready.status == 200,
        let namespace = try? client.request("GET", "/api/v1/namespaces/default", timeout: 3)
      else { return false }
      return namespace.status == 200
    }
  }

  func startControllerManager() throws {
    guard let controllerManager = binaries.controllerManager else {
      Log.info(
        "WARNING: no kube-controller-manager next to kube-apiserver: namespaces will not finish deleting "
          + "and service account tokens will not be created")
      return
    }
    let kubeconfig = directory.appendingPathComponent("controller-manager.conf")
    try writeComponentKubeconfig(
      to: kubeconfig, user: "system:kube-controller-manager", certificate: pki.controllerManagerCertificate,
      key: pki.controllerManagerKey)
    let controllers =
      ProcessInfo.processInfo.environment["DOKASECA_KIND_CONTROLLERS"].flatMap { $0.isEmpty ? nil : $0 }
      ?? Self.defaultControllers.joined(separator: ",")
    let pid = try spawn(
      "kube-controller-manager", controllerManager,
      [
        "--kubeconfig=\(kubeconfig.path)",
        "--authentication-kubeconfig=\(kubeconfig.path)",
        "--authorization-kubeconfig=\(kubeconfig.path)",
        "--bind-address=\(loopback)",
        "--secure-port=\(state.controllerManagerPort)",
        "--port=0",
        "--cert-dir=\(directory.appendingPathComponent("controller-manager").path)",
        "--leader-elect=false",
        "--use-service-account-credentials=true",
        "--controllers=\(controllers)",
        "--service-account-private-key-file=\(pki.serviceAccountKey.path)",
        "--root-ca-file=\(pki.caCertificate.path)",
        "--cluster-signing-cert-file=\(pki.caCertificate.path)",
        "--cluster-signing-key-file=\(pki.caKey.path)",
        "--cluster-name=\(state.name)",
        "--service-cluster-ip-range=\(state.serviceSubnet.split(separator: ",")[0])",
      ])
    let healthz = "https://" + IPAddress.joinHostPort(loopback, state.controllerManagerPort) + "/healthz"
    try waitUntil(timeout: 60, process: pid, name: "kube-controller-manager") {
      let result = try? KubeClient.run(
        try KubeClient.curlPath(), ["--silent", "--insecure", "--max-time", "2", healthz])
      return result.map { String(decoding: $0.output, as: UTF8.self) == "ok" } ?? false
    }
  }

  private func writeComponentKubeconfig(to url: URL, user: String, certificate: URL, key: URL) throws {
    // Names are quoted: a cluster named `off` or `yes` is a boolean to a YAML 1.1 reader.
    let text = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: "\(state.name)"
        cluster:
          certificate-authority: \(pki.caCertificate.path)
          server: \(apiServerURL)
      users:
      - name: \(user)
        user:
          client-certificate: \(certificate.path)
          client-key: \(key.path)
      contexts:
      - name: default
        context:
          cluster: "\(state.name)"
          user: \(user)
      current-context: default

      """
    guard
      FileManager.default.createFile(
        atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else { throw KindError("failed to write \(url.path)") }
  }

  /// Starts a component detached, with its log in `logs/NAME.log` and its pid in `pids/NAME.pid`.
  private func spawn(_ name: String, _ executable: String, _ arguments: [String]) throws -> pid_t {
    let logs = store.logDirectory(state.name)
    let pids = store.pidDirectory(state.name)
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: pids, withIntermediateDirectories: true)
    let pid = try Processes.spawnDetached(executable, arguments, logFile: logs.appendingPathComponent("\(name).log"))
    try "\(pid)\n".write(to: pids.appendingPathComponent("\(name).pid"), atomically: true, encoding: .utf8)
    Log.debug("started \(name) (pid \(pid)): \(executable) \(arguments.joined(separator: " "))")
    return pid
  }

  /// Polls `ready` every 200 ms; fails early with the log's tail when the process exits.
  private func waitUntil(timeout: TimeInterval, process pid: pid_t, name: String, _ ready: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if try ready() { return }
      if !Processes.isRunning(pid) {
        throw KindError(
          "\(name) exited while starting; the end of \(logPath(name)):\n\(logTail(name))")
      }
      if Date() > deadline {
        throw KindError(
          "\(name) was not ready after \(GoDuration.formatRoundedToSeconds(timeout)); the end of \(logPath(name)):\n\(logTail(name))"
        )
      }
      usleep(200_000)
    }
  }

  private func logPath(_ name: String) -> String {
    store.logDirectory(state.name).appendingPathComponent("\(name).log").path
  }

  func logTail(_ name: String, lines: Int = 15) -> String {
    guard let text = try? String(contentsOfFile: logPath(name), encoding: .utf8) else { return "(no log)" }
    return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
  }
}
