import Foundation
import GridCore

extension Store {
    /// Basic grids for a picker: (code, name), by code.
    public func pickerGrids() throws -> [(code: String, name: String)] {
        try db.query("SELECT code, name FROM grids WHERE level = 'basic' ORDER BY code") { ($0.text(0), $0.text(1)) }
    }

    /// Categories for a picker: (code, name, default department code), by code.
    public func pickerCategories() throws -> [(code: String, name: String, department: String)] {
        try db.query("SELECT code, name, department FROM categories ORDER BY code") { ($0.text(0), $0.text(1), $0.text(2)) }
    }

    /// Departments for a picker: (code, name), by code.
    public func pickerDepartments() throws -> [(code: String, name: String)] {
        try db.query("SELECT code, name FROM departments ORDER BY code") { ($0.text(0), $0.text(1)) }
    }
}

extension Store {
    /// Matters of the same category and grid reported within the duplicate window of `at` (at most 3 case
    /// numbers): what the new-matter form warns about before saving. The window is the matter rules' setting.
    public func possibleDuplicates(category: String, grid: String, at: Date) throws -> [String] {
        let hours = try matterRules().duplicateWindowHours
        guard hours > 0 else { return [] }
        let w = Double(hours * 3600)
        return try db.query("""
            SELECT number FROM matters WHERE category = ? AND grid = ? AND reported_at >= ? AND reported_at <= ?
              AND state NOT IN ('invalid','merged') ORDER BY abs(reported_at - ?), id LIMIT 3
            """, [.text(category), .text(grid), .of(at.addingTimeInterval(-w)), .of(at.addingTimeInterval(w)), .of(at)]) { $0.text(0) }
    }
}
