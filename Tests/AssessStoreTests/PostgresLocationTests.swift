import Testing

@testable import AssessPostgres

/// URLs and PG* variables, as libpq reads them; no server needed.
@Suite struct PostgresLocationTests {
  @Test func aFullURL() throws {
    let l = try PostgresLocation(
      url: "postgres://alice:s3cr%40t@db.example:6543/assess?sslmode=require", environment: [:])
    #expect(l.host == "db.example" && l.port == 6543 && l.user == "alice" && l.database == "assess")
    #expect(l.password == "s3cr@t" && l.sslMode == .require && l.socketPath == nil)
    #expect(l.display == "postgres://alice@db.example:6543/assess?sslmode=require")
    #expect(!l.display.contains("s3cr"))
  }

  @Test func theEnvironmentFillsTheGaps() throws {
    let env = [
      "PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "bob", "PGPASSWORD": "pw", "PGDATABASE": "risks",
      "PGSSLMODE": "verify-full",
    ]
    let l = try PostgresLocation(url: "postgres://", environment: env)
    #expect(l.host == "pg.internal" && l.port == 5433 && l.user == "bob" && l.database == "risks")
    #expect(l.password == "pw" && l.sslMode == .verifyFull)
    // The URL wins over the environment.
    let u = try PostgresLocation(url: "postgresql://carol@other/x?sslmode=disable", environment: env)
    #expect(u.host == "other" && u.user == "carol" && u.database == "x" && u.sslMode == .disable && u.port == 5433)
  }

  @Test func aSocketFolder() throws {
    let l = try PostgresLocation(url: "postgres:///assess?host=/tmp/pg&port=5439", environment: ["USER": "dana"])
    #expect(l.socketPath == "/tmp/pg/.s.PGSQL.5439" && l.user == "dana" && l.database == "assess")
    #expect(l.display == "postgres://dana@/assess?host=/tmp/pg&port=5439")
    let d = try PostgresLocation(url: "postgres://", environment: ["USER": "dana"])
    #expect(d.socketPath == "/var/run/postgresql/.s.PGSQL.5432" && d.database == "dana")
  }

  @Test func badURLsSayWhyWithoutThePassword() {
    func message(_ url: String) -> String {
      do {
        _ = try PostgresLocation(url: url, environment: [:])
        return ""
      } catch { return error.message }
    }
    #expect(message("postgres://a:hunter2@h:99999/d") == "'postgres://a:***@h:99999/d' has an invalid port '99999'")
    #expect(
      message("postgres://a:hunter2@h/d?sslmode=sometimes")
        == "'postgres://a:***@h/d?sslmode=sometimes' has an unknown sslmode 'sometimes' (known: disable, allow, prefer, require, verify-ca, verify-full)"
    )
    #expect(
      message("postgres://h/d?password=hunter2&x=1") == "'postgres://h/d?password=***&x=1' has an unknown parameter 'x'"
    )
  }
}
