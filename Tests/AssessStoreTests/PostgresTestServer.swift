import Foundation
import Testing

@testable import AssessKit
@testable import AssessPostgres

/// The throwaway server `make test-postgres` starts (scripts/postgres-cluster.sh). Without it the
/// PostgreSQL suites are skipped, each saying so and how to run them: never silently.
enum PostgresTestServer {
  /// The administrator URL of the test server, from `ASSESS_TEST_POSTGRES`.
  static var adminURL: String? {
    ProcessInfo.processInfo.environment["ASSESS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether the server is there.
  static var available: Bool { adminURL != nil }

  /// Why the suites are skipped.
  static let skipped: Comment = "no test server: run 'make test-postgres' (it starts a throwaway PostgreSQL cluster)"

  /// A new, empty database on the test server with the assess schema; returns its URL.
  static func freshDatabase(initialize: Bool = true) throws -> String {
    guard let admin = adminURL else { throw StoreError(.io, "ASSESS_TEST_POSTGRES is not set") }
    let name = "assess_t_" + UUID().uuidString.prefix(8).lowercased()
    let adminLocation = try PostgresLocation(url: admin, environment: [:])
    let link = try PostgresLink(adminLocation)
    defer { link.close() }
    try link.query(.init(unsafeSQL: "CREATE DATABASE \(name)"))
    var url = admin
    let slash = url.range(of: "/postgres?") ?? url.range(of: "/postgres")
    if let slash { url.replaceSubrange(slash, with: "/\(name)" + (url[slash].hasSuffix("?") ? "?" : "")) }
    if initialize {
      let store = PostgresSessionStore(location: try PostgresLocation(url: url, environment: [:]), clock: { "" })
      _ = try store.initialize()
    }
    return url
  }
}
