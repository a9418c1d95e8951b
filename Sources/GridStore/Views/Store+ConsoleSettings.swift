import Foundation

extension Store {
    /// A value from the settings table (e.g. `console.bell` = `off`), or nil.
    public func settingValue(_ key: String) throws -> String? {
        try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.text(0) }
    }
}
