// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "assess",
  products: [
    .executable(name: "assess", targets: ["assess"]),
    .library(name: "AssessKit", targets: ["AssessKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // SHA-256 of every event line for the hash chain (already resolved for postgres-nio).
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    .target(
      name: "AssessKit",
      dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(name: "AssessStore", dependencies: ["AssessKit"]),
    // The PostgreSQL session store: its own target, so AssessKit and the file store stay free of NIO.
    .target(
      name: "AssessPostgres",
      dependencies: [
        "AssessKit",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
    .target(name: "AssessShell", dependencies: ["AssessKit", "AssessStore", "CReadline"]),
    // The built-in questionnaires, compiled in: the plugin turns each questionnaires/*.yaml into
    // a string literal, so the binary needs no resource bundle and can be installed anywhere.
    .target(
      name: "AssessBuiltins",
      path: "questionnaires",
      plugins: ["EmbedQuestionnaires"]
    ),
    .executableTarget(name: "embed-questionnaires", path: "Sources/embed-questionnaires"),
    .plugin(
      name: "EmbedQuestionnaires", capability: .buildTool(), dependencies: ["embed-questionnaires"],
      path: "Plugins/EmbedQuestionnaires"),
    .executableTarget(
      name: "assess",
      dependencies: [
        "AssessKit",
        "AssessStore",
        "AssessPostgres",
        "AssessShell",
        "AssessBuiltins",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "assess-bench", dependencies: ["AssessKit", "AssessStore"], path: "Benchmarks/assess-bench"),
    .executableTarget(
      name: "assess-store-bench", dependencies: ["AssessKit", "AssessStore", "AssessPostgres", "AssessBuiltins"],
      path: "Benchmarks/assess-store-bench"),
    .testTarget(name: "AssessKitTests", dependencies: ["AssessKit", "AssessBuiltins"]),
    .testTarget(name: "AssessStoreTests", dependencies: ["AssessStore", "AssessPostgres", "AssessKit"]),
    .testTarget(name: "AssessShellTests", dependencies: ["AssessShell", "AssessKit"]),
    .target(name: "CPTY", path: "Tests/CPTY"),
    .testTarget(
      name: "AssessCLITests", dependencies: ["AssessKit", "AssessStore", "AssessPostgres", "CPTY", "assess"]),
  ],
  swiftLanguageModes: [.v6]
)

// Reports (issue 11): Markdown and HTML from Mustache templates, in their own target so the core
// stays free of the template engine.
package.dependencies.append(
  .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"))
package.targets.append(
  .target(
    name: "AssessReports",
    dependencies: ["AssessKit", .product(name: "Mustache", package: "swift-mustache")]))
package.targets.append(
  .testTarget(name: "AssessReportsTests", dependencies: ["AssessReports", "AssessKit", "AssessBuiltins"]))
if let cli = package.targets.first(where: { $0.name == "assess" }) {
  cli.dependencies.append("AssessReports")
}
