import Foundation
import PackagePlugin

/// Embeds the built-in questionnaires (`questionnaires/*.yaml`) in the `AssessBuiltins` target as
/// Swift source, so the binary needs no resource bundle at run time and can be copied anywhere.
@main
struct EmbedQuestionnaires: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let inputs = target.sourceFiles.map(\.url).filter { $0.pathExtension == "yaml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedQuestionnaires.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) built-in questionnaires",
        executable: try context.tool(named: "embed-questionnaires").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
