import GridCore

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
