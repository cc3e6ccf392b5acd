import ArgumentParser
import Foundation
import DokaSecaProvider
import TerraformProviderFramework

/// The plugin binary Terraform and OpenTofu start.
///
/// Terraform starts it without arguments, three or four times per command, so that path serves
/// at once; parsing flags with ArgumentParser would add a fifth of the start-up time for nothing.
@main
enum ProviderMain {
  static func main() async {
    guard CommandLine.arguments.count > 1 else {
      exit(await PluginServer.serve(DokaSecaProvider(), environment: ProcessEnvironment.current))
    }
    await ProviderCommand.main()
  }
}

/// The command line a person uses: `--debug` serves for attaching Terraform with
/// `TF_REATTACH_PROVIDERS`; `--help` says how the plugin is meant to be run.
struct ProviderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terraform-provider-dokaseca",
    abstract: "The DoKa Seca provider for Terraform and OpenTofu.",
    discussion: "Terraform starts this plugin itself; install it in a provider mirror (see README.md).")

  @Flag(help: "Serve without the handshake and print a TF_REATTACH_PROVIDERS value to attach Terraform to this process.")
  var debug = false

  @Option(help: "The provider address printed in the reattach value.")
  var address = DokaSecaProvider.registryAddress

  func run() async throws {
    let environment = ProcessEnvironment.current
    let status =
      debug
      ? await PluginServer.serveForDebugging(DokaSecaProvider(), address: address, environment: environment)
      : await PluginServer.serve(DokaSecaProvider(), environment: environment)
    if status != 0 { throw ExitCode(status) }
  }
}
