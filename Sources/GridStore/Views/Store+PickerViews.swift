import Foundation
import GridCore

extension Store {
    /// Basic grids for a picker: (code, name), by code.
    public func pickerGrids() throws -> [(code: String, name: String)] {
        try db.query("SELECT code, name FROM grids WHERE level = 'basic' ORDER BY code") { ($0.text(0), $0.text(1)) }
    }

    /// Categories for a picker: (code, name, default department code, default urgency code), by code.
    public func pickerCategories() throws -> [(code: String, name: String, department: String, urgency: String)] {
        try db.query("SELECT code, name, department, urgency FROM categories ORDER BY code") { ($0.text(0), $0.text(1), $0.text(2), $0.text(3)) }
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
        try duplicateCandidates(category: category, grid: grid, at: at, windowHours: try matterRules().duplicateWindowHours, limit: 3).map(\.number)
    }
}
