import GridCore

extension Store {
    /// A stored time limit (`4wh`); an unreadable one is an error naming its table and column.
    static func timeLimit(_ r: Row, _ i: Int32, table: String, column: String) throws -> TimeLimit {
        guard let l = TimeLimit(parsing: r.text(i)) else { throw StoreError.unknownStoredValue(table: table, column: column, value: r.text(i)) }
        return l
    }
}

extension Row {
    /// The enum case stored at column `i` of `table.column`; a stored code the program does not know is an
    /// error naming the table, column and value (never a silent default, as GRDB's record decoding refuses).
    func code<T: RawRepresentable>(_ i: Int32, _ type: T.Type = T.self, table: String, column: String) throws -> T where T.RawValue == String {
        let raw = text(i)
        guard let v = T(rawValue: raw) else { throw StoreError.unknownStoredValue(table: table, column: column, value: raw) }
        return v
    }

    /// Like `code`, with SQL NULL (and, for optional text columns stored as '', the empty string) read as nil.
    func optionalCode<T: RawRepresentable>(_ i: Int32, _ type: T.Type = T.self, table: String, column: String) throws -> T? where T.RawValue == String {
        guard !isNull(i), !text(i).isEmpty else { return nil }
        return try code(i, type, table: table, column: column)
    }
}
