// swift-tools-version: 6.1
import PackageDescription

/// terraform-provider-dokaseca: one plugin binary that speaks the Terraform/OpenTofu plugin
/// protocol (tfplugin6) and manages Kind clusters, the GitOps Bridge and DoKa Seca addons.
///
/// Modules, from the wire up:
/// - `TerraformPluginProtocol`: Swift generated from `proto/` (tfplugin6, go-plugin, health).
/// - `JSONSyntax`: a strict JSON parser and writer that keeps numbers as text. No dependencies.
/// - `TerraformValues`: cty types, three-state values, msgpack/JSON codecs (on `JSONSyntax`).
/// - `TerraformProviderFramework`: the reusable SDK: plugin server, schema, diagnostics,
///   resource and data-source protocols, plan rules. Knows nothing of DoKa Seca.
/// - `DokaSeca`: the domain: addon catalog, flag resolution, and the GitOps Bridge objects
///   (cluster Secret, App of Apps, ArgoCD install order).
/// - `Kind`: the `kind` CLI driver and the Kind cluster configuration it reads.
/// - `KubernetesClient`: a native Kubernetes API client (server-side apply, discovery, waits).
/// - `DokaSecaProvider`: the provider's resources and data sources.
/// - `terraform-provider-dokaseca`: the executable.
let package = Package(
  name: "terraform-provider-dokaseca",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "terraform-provider-dokaseca", targets: ["terraform-provider-dokaseca"])
  ],
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
  ],
  targets: [
    .target(
      name: "TerraformPluginProtocol",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]
    ),
    .target(name: "JSONSyntax"),
    .target(name: "TerraformValues", dependencies: ["JSONSyntax"]),
    .target(
      name: "TerraformProviderFramework",
      dependencies: [
        "TerraformPluginProtocol",
        "TerraformValues",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        // The server runs on grpc-swift-nio-transport's core module (GRPCNIOTransportCore, its
        // `HTTP2ServerTransport.Custom` with our own listener), which no product offers alone.
        // On Linux the Transport Services product is exactly that module, re-exported; the Posix
        // product would add certificate reloading, swift-service-lifecycle and
        // swift-async-algorithms, 1.4 MB of the binary that Terraform hashes on every command.
        .product(name: "GRPCNIOTransportHTTP2TransportServices", package: "grpc-swift-nio-transport"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(name: "DokaSeca", dependencies: ["KubernetesClient"]),
    .target(name: "Kind", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(
      name: "DokaSecaProvider",
      dependencies: [
        "DokaSeca", "Kind", "KubernetesClient", "TerraformProviderFramework", "TerraformValues",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ]
    ),
    .executableTarget(
      name: "terraform-provider-dokaseca",
      dependencies: [
        "DokaSecaProvider",
        "TerraformProviderFramework",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "ProviderTesting", path: "Tests/ProviderTesting"),
    .testTarget(name: "TerraformValuesTests", dependencies: ["TerraformValues"]),
    .testTarget(
      name: "TerraformProviderFrameworkTests",
      dependencies: [
        "TerraformProviderFramework",
        "TerraformPluginProtocol",
        "TerraformValues",
        "ProviderTesting",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(name: "DokaSecaTests", dependencies: ["DokaSeca", "KubernetesClient"]),
    .testTarget(name: "KindTests", dependencies: ["Kind", .product(name: "Yams", package: "Yams")]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "ProviderTesting", "DokaSeca", "DokaSecaProvider", "TerraformProviderFramework", "KubernetesClient",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // A kind-compatible CLI for machines without Docker: a real control plane on loopback.
    .executableTarget(
      name: "dokaseca-kind",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Sources/KindTestTool"
    ),
    .testTarget(name: "KindTestToolTests", dependencies: ["dokaseca-kind"]),
    // A native Kubernetes client (TLS, discovery, server-side apply, waits) over async-http-client.
    .target(
      name: "KubernetesClient",
      dependencies: [
        "JSONSyntax",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .testTarget(
      name: "KubernetesClientTests",
      dependencies: [
        "KubernetesClient",
        "JSONSyntax",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
  ]
)
