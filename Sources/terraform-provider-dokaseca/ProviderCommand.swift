import ArgumentParser
import DokaSecaProvider
import Foundation
import TerraformProviderFramework

/// The plugin binary Terraform and OpenTofu start.
///
/// Terraform starts it without arguments, three or four times per command, so that path serves
/// at once; parsing flags with ArgumentParser would add a fifth of the start-up time for nothing.
@main
enum ProviderMain {
  /// Not `async`: an async `main` parks the main thread in `dispatch_main`, which ends it with
  /// `pthread_exit`, and that unwinds the thread's stack through the binary's unwind tables,
  /// mapping about 3 MB of them at every start. Here the main thread only waits; the work runs
  /// on the concurrency pool (detached: `main` is on the main actor, whose queue the waiting
  /// thread never drains) and ends the process with its exit status.
  static func main() {
    Task.detached { exit(await run()) }
    DispatchSemaphore(value: 0).wait()
  }

  private static func run() async -> Int32 {
    guard CommandLine.arguments.count > 1 else {
      return await PluginServer.serve(DokaSecaProvider(), environment: ProcessEnvironment.current)
    }
    await ProviderCommand.main()
    return 0
  }
}

/// The command line a person uses: `--debug` serves for attaching Terraform with
/// `TF_REATTACH_PROVIDERS`; `--help` says how the plugin is meant to be run.
struct ProviderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terraform-provider-dokaseca",
    abstract: "The DoKa Seca provider for Terraform and OpenTofu.",
    discussion: "Terraform starts this plugin itself; install it in a provider mirror (see README.md).")

  @Flag(
    help: "Serve without the handshake and print a TF_REATTACH_PROVIDERS value to attach Terraform to this process.")
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
