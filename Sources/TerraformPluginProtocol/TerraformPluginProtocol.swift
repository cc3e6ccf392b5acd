// TerraformPluginProtocol
//
// Swift messages and gRPC Swift 2 services generated from the `.proto` files in `proto/`:
//
// - `tfplugin6.proto` (Terraform plugin protocol 6.11): `Tfplugin6_*` messages and the
//   `Tfplugin6_Provider` service that the provider serves to Terraform/OpenTofu.
// - `plugin/grpc_controller.proto`, `plugin/grpc_stdio.proto`, `plugin/grpc_broker.proto`
//   (hashicorp/go-plugin): `Plugin_GRPCController`, `Plugin_GRPCStdio`, `Plugin_GRPCBroker`,
//   the side services every go-plugin server offers.
// - `grpc/health/v1/health.proto`: `Grpc_Health_V1_Health`, polled by the plugin host.
//
// Everything is `public`; both server and client stubs are generated (clients serve tests).
// The code lives in `Generated/`; do not edit it by hand. To regenerate it after changing a
// `.proto` file, run `scripts/generate-protos.sh` (needs `protoc`; see the script's header).
