import Foundation
import GridStore

/// Reading a GridRoom file back in a test: whole-file dumps, counts, integrity.
public enum DatabaseDump {
    /// Every row of every table of `db`, each row its columns quoted and joined, in key order: equal dumps
    /// mean equal contents (a refused write changed nothing; a backup equals its original).
    public static func tables(_ db: Database) throws -> [String: [String]] {
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") { $0.text(0) }
        var out: [String: [String]] = [:]
        for t in tables {
            let cols = try db.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(t)]) { $0.text(0) }
            let expr = cols.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
            out[t] = try db.query("SELECT \(expr) FROM \"\(t)\" ORDER BY 1") { $0.text(0) }
        }
        return out
    }

    /// `tables(_:)` of the file at `path`, read through a read-only connection of its own.
    public static func tables(path: String) throws -> [String: [String]] {
        try tables(try Database(path: path, create: false, readOnly: true))
    }
}

extension Database {
    /// `PRAGMA integrity_check` joined ("ok" when sound).
    public func integrity() throws -> String {
        try query("PRAGMA integrity_check") { $0.text(0) }.joined(separator: "; ")
    }

    /// A count (the first column of the first row).
    public func count(_ sql: String, _ args: [SQLValue] = []) throws -> Int { try scalarInt(sql, args) }

    /// Inserts fixture rows into `table`, naming the columns (a schema change that adds or reorders
    /// columns cannot shift values into the wrong ones). Every row gives one value per column.
    public func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws {
        let sql = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        for row in rows {
            precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
            try run(sql, row)
        }
    }
}

/// A temporary directory for one test, removed when the value goes.
public final class TestDirectory {
    /// Its location.
    public let url: URL

    /// Creates `gridroom-NAME-UUID` in the temporary directory.
    public init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside it.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    @discardableResult
    public func file(_ name: String, _ text: String) -> String { file(name, bytes: Array(text.utf8)) }

    /// Writes raw bytes to `name` and returns its path.
    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) -> String {
        let p = path(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
}
