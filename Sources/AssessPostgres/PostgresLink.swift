import AssessKit
import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to the server, used synchronously: the store's protocol is synchronous, and each
/// call waits for the server's answer (so an append returns only once it is committed).
///
/// Errors are turned into `StoreError`s of one sentence that names the store by its URL without
/// the password.
final class PostgresLink: @unchecked Sendable {
  let location: PostgresLocation
  private let connection: PostgresConnection
  private let logger: Logger

  /// Connects, or throws an error a person can act on: unreachable, authentication failed, no database.
  init(_ location: PostgresLocation) throws(StoreError) {
    self.location = location
    logger = Logger(label: "assess.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    var configuration: PostgresConnection.Configuration
    if let socket = location.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
    } else {
      let tls: PostgresConnection.Configuration.TLS
      do {
        tls = try Self.tls(for: location.sslMode)
      } catch {
        throw StoreError(.io, "cannot set up TLS for \(location.display): \(error)")
      }
      configuration = .init(
        host: location.host, port: location.port, username: location.user, password: location.password,
        database: location.database, tls: tls)
    }
    configuration.options.connectTimeout = .seconds(10)
    let eventLoop = PostgresConnection.defaultEventLoopGroup.next()
    do {
      connection = try PostgresConnection.connect(
        on: eventLoop, configuration: configuration, id: 1, logger: logger
      ).wait()
    } catch {
      throw Self.connectError(error, location)
    }
  }

  /// The TLS setting for an sslmode, as libpq understands it: `require` encrypts without checking
  /// the certificate, `verify-ca` checks the chain, `verify-full` also the host name.
  static func tls(for mode: PostgresLocation.SSLMode) throws -> PostgresConnection.Configuration.TLS {
    switch mode {
    case .disable: return .disable
    case .allow, .prefer, .require:
      var config = TLSConfiguration.makeClientConfiguration()
      config.certificateVerification = .none
      let context = try NIOSSLContext(configuration: config)
      return mode == .require ? .require(context) : .prefer(context)
    case .verifyCA:
      var config = TLSConfiguration.makeClientConfiguration()
      config.certificateVerification = .noHostnameVerification
      return .require(try NIOSSLContext(configuration: config))
    case .verifyFull:
      return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
    }
  }

  /// The longest one statement may take before the connection is given up (a server that went
  /// away without closing the connection must not hang a command for ever).
  static let statementTimeout: TimeAmount = .seconds(120)

  /// Runs one statement and waits for its rows, failing when the connection is gone or times out.
  private func run(_ query: PostgresQuery) throws -> [PostgresRow] {
    guard !connection.isClosed else { throw ConnectionGone(reason: "the server closed it") }
    let eventLoop = connection.eventLoop
    let promise = eventLoop.makePromise(of: PostgresQueryResult.self)
    connection.query(query, logger: logger).cascade(to: promise)
    // Closed while waiting: the connection's close future ends the wait too.
    connection.closeFuture.whenComplete { _ in promise.fail(ConnectionGone(reason: "the server closed it")) }
    let timer = eventLoop.scheduleTask(in: Self.statementTimeout) {
      promise.fail(ConnectionGone(reason: "no answer from the server for two minutes"))
    }
    defer { timer.cancel() }
    let result = try promise.futureResult.wait()
    return Array(result)
  }

  /// Runs one statement and returns its rows.
  @discardableResult
  func query(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
    do {
      return try run(query)
    } catch {
      throw StoreError(.io, Self.describe(error, location))
    }
  }

  /// Runs one statement, giving the server's SQLSTATE to `handle` first: it may return a better
  /// error (a unique violation that means "already exists").
  @discardableResult
  func query(_ query: PostgresQuery, handle: (String) -> StoreError?) throws(StoreError) -> [PostgresRow] {
    do {
      return try run(query)
    } catch {
      if let state = (error as? PSQLError)?.serverInfo?[.sqlState], let better = handle(state) { throw better }
      throw StoreError(.io, Self.describe(error, location))
    }
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try query("BEGIN")
    do {
      let result = try body()
      try query("COMMIT")
      return result
    } catch {
      _ = try? self.query("ROLLBACK")
      throw error
    }
  }

  /// Decodes a row, or throws naming the store.
  func decode<each T: PostgresDecodable>(_ row: PostgresRow, as: (repeat each T).Type) throws(StoreError) -> (
    repeat each T
  ) {
    do {
      return try row.decode((repeat each T).self)
    } catch {
      throw StoreError(.corrupt, "\(location.display) returned a value assess cannot read: \(error)")
    }
  }

  /// Closes the connection (the server then drops any lock it held).
  func close() {
    _ = try? connection.close().wait()
  }

  deinit {
    if !connection.isClosed { _ = try? connection.close().wait() }
  }

  /// A failed connection attempt in words a person can act on.
  static func connectError(_ error: any Error, _ location: PostgresLocation) -> StoreError {
    let url = location.display
    if let psql = error as? PSQLError {
      switch psql.serverInfo?[.sqlState] {
      case "28P01", "28000":
        return StoreError(
          .io,
          "authentication failed for \(url): \(psql.serverInfo?[.message] ?? "the server refused the role")"
            + " (check the user and PGPASSWORD or ~/.pgpass is not read: give the password in PGPASSWORD)")
      case "3D000":
        return StoreError(
          .io,
          "the database '\(location.database)' does not exist at \(url) (create it with 'createdb \(location.database)')"
        )
      default:
        break
      }
      if psql.code == .authMechanismRequiresPassword {
        return StoreError(.io, "authentication failed for \(url): the server asks for a password (set PGPASSWORD)")
      }
      if psql.code == .sslUnsupported {
        return StoreError(
          .io, "cannot reach \(url) with TLS: the server does not offer it (sslmode=\(location.sslMode.rawValue))")
      }
    }
    return StoreError(.io, "cannot reach the PostgreSQL server at \(url): \(reason(error))")
  }

  /// A failed statement in one sentence.
  static func describe(_ error: any Error, _ location: PostgresLocation) -> String {
    if let gone = error as? ConnectionGone { return "the connection to \(location.display) was lost: \(gone.reason)" }
    if let psql = error as? PSQLError {
      if let message = psql.serverInfo?[.message] {
        return "\(location.display) refused a statement: \(message)"
      }
      if psql.code == .serverClosedConnection || psql.code == .connectionError || psql.code == .uncleanShutdown {
        return "the connection to \(location.display) was lost: \(reason(error))"
      }
    }
    return "\(location.display) failed: \(reason(error))"
  }

  /// The root cause of a connection error, without anything that could hold a password.
  static func reason(_ error: any Error) -> String {
    if let psql = error as? PSQLError {
      if let underlying = psql.underlying { return reason(underlying) }
      if let message = psql.serverInfo?[.message] { return message }
      return "\(psql.code)"
    }
    if let io = error as? IOError {
      switch io.errnoCode {
      case ECONNREFUSED: return "connection refused (is the server running and listening there?)"
      case ENOENT: return "no server socket there (is the server running?)"
      case EACCES: return "permission denied"
      default: return String(cString: strerror(io.errnoCode))
      }
    }
    let text = "\(error)"
    if text.contains("connectTimeout") || text.contains("imeout") { return "the connection timed out" }
    if text.contains("connection reset") || text.contains("Connection refused") {
      return "connection refused (is the server running and listening there?)"
    }
    return text
  }
}

/// The connection ended, or stopped answering, while a statement waited.
struct ConnectionGone: Error {
  let reason: String
}
