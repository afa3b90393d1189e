import Foundation

/// Where a PostgreSQL store is: a `postgres://` URL completed from the usual `PG*` environment
/// variables, as libpq reads them.
///
///     postgres://[user[:password]@][host][:port][/database][?sslmode=...&host=/socket/dir&...]
///
/// A host that starts with `/` (in the URL's `host` parameter, in the host part percent-encoded,
/// or in `PGHOST`) is the folder of the server's Unix socket. A password is used to connect and is
/// never shown: `display` is the URL without it, for every message.
public struct PostgresLocation: Sendable, Hashable {
  /// How TLS is used, as libpq's `sslmode`.
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  /// The server's host name or address, or the Unix socket's folder when it starts with `/`.
  public internal(set) var host: String
  /// The server's port.
  public internal(set) var port: Int
  /// The role to connect as.
  public internal(set) var user: String
  /// The password, if any: never printed.
  var password: String?
  /// The database.
  public internal(set) var database: String
  /// TLS use.
  public internal(set) var sslMode: SSLMode

  /// Whether `text` names a PostgreSQL store rather than a folder.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// The Unix socket's path, when the host is a folder.
  public var socketPath: String? {
    host.hasPrefix("/") ? (host as NSString).appendingPathComponent(".s.PGSQL.\(port)") : nil
  }

  /// The URL without the password, for messages: `postgres://alice@db.example:5432/assess`.
  public var display: String {
    let database = percentEncoded(self.database)
    let userPart = percentEncoded(user) + "@"
    if host.hasPrefix("/") {
      return "postgres://\(userPart)/\(database)?host=\(host)" + (port == 5432 ? "" : "&port=\(port)")
    }
    let hostPart = host.contains(":") ? "[\(host)]" : host
    let ssl = sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)"
    return "postgres://\(userPart)\(hostPart):\(port)/\(database)\(ssl)"
  }

  /// Reads a URL, filling what it leaves out from `environment` (`PGHOST`, `PGPORT`, `PGUSER`,
  /// `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`) and then libpq's defaults.
  /// - Throws: `PostgresLocationError` naming the URL (without its password) and what is wrong.
  public init(url text: String, environment: [String: String]) throws(PostgresLocationError) {
    guard Self.isURL(text) else {
      throw PostgresLocationError(message: "'\(Self.redacted(text))' is not a postgres:// URL")
    }
    let rest = text.hasPrefix("postgresql://") ? text.dropFirst(13) : text.dropFirst(11)
    var authority = Substring(rest)
    var path = Substring("")
    var queryText = Substring("")
    if let q = authority.firstIndex(of: "?") {
      queryText = authority[authority.index(after: q)...]
      authority = authority[..<q]
    }
    if let slash = authority.firstIndex(of: "/") {
      path = authority[authority.index(after: slash)...]
      authority = authority[..<slash]
    }
    var user: String?
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let credentials = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = Self.decode(credentials[..<colon])
        password = Self.decode(credentials[credentials.index(after: colon)...])
      } else {
        user = Self.decode(credentials)
      }
    }
    var host: String?
    var port: String?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else {
        throw PostgresLocationError(message: "'\(Self.redacted(text))' has an unclosed '[' in its host")
      }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { port = String(after.dropFirst()) }
    } else if let colon = authority.lastIndex(of: ":") {
      host = Self.decode(authority[..<colon])
      port = String(authority[authority.index(after: colon)...])
    } else if !authority.isEmpty {
      host = Self.decode(authority)
    }
    if host?.isEmpty == true { host = nil }
    var database = path.isEmpty ? nil : Self.decode(path)
    var sslMode: String?
    for pair in queryText.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1)
      let key = String(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      switch key {
      case "host": host = value
      case "port": port = value
      case "user": user = value
      case "password": password = value
      case "dbname": database = value
      case "sslmode": sslMode = value
      case "connect_timeout", "application_name", "options", "sslrootcert", "target_session_attrs": break
      default:
        throw PostgresLocationError(message: "'\(Self.redacted(text))' has an unknown parameter '\(key)'")
      }
    }
    let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    self.host = host ?? env("PGHOST") ?? "/var/run/postgresql"
    let portText = port ?? env("PGPORT") ?? "5432"
    guard let portNumber = Int(portText), (1...65535).contains(portNumber) else {
      throw PostgresLocationError(message: "'\(Self.redacted(text))' has an invalid port '\(portText)'")
    }
    self.port = portNumber
    self.user = user ?? env("PGUSER") ?? env("USER") ?? env("LOGNAME") ?? "postgres"
    self.password = password ?? env("PGPASSWORD")
    self.database = database ?? env("PGDATABASE") ?? self.user
    let modeText = sslMode ?? env("PGSSLMODE") ?? "prefer"
    guard let mode = SSLMode(rawValue: modeText) else {
      let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
      throw PostgresLocationError(
        message: "'\(Self.redacted(text))' has an unknown sslmode '\(modeText)' (known: \(known))")
    }
    self.sslMode = mode
  }

  /// A URL as text with any password replaced by `***`, for a message about a URL that did not parse.
  public static func redacted(_ text: String) -> String {
    var out = text
    if let scheme = out.range(of: "://") {
      let afterScheme = out[scheme.upperBound...]
      let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? out.endIndex
      let authority = out[scheme.upperBound..<authorityEnd]
      if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
        out.replaceSubrange(out.index(after: colon)..<at, with: "***")
      }
    }
    if let range = out.range(of: "password=") {
      let end = out[range.upperBound...].firstIndex(of: "&") ?? out.endIndex
      out.replaceSubrange(range.upperBound..<end, with: "***")
    }
    return out
  }

  static func decode(_ text: Substring) -> String {
    String(text).removingPercentEncoding ?? String(text)
  }

  private func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

/// A `postgres://` URL that cannot be used, in one sentence without its password.
public struct PostgresLocationError: Error, Sendable, CustomStringConvertible {
  /// The sentence.
  public let message: String
  public var description: String { message }
}
