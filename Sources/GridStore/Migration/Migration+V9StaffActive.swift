extension Migration {
    /// Who switched a staff member off (停用) and when, so a refused user is told "deactivated on DATE by LOGIN"
    /// rather than sent to `staff add`. Existing inactive rows (set by hand before this step) keep NULLs:
    /// the refusal then says the date is not known.
    static let v9StaffActive = Migration(version: 9, name: "staff deactivation", sql: """
    ALTER TABLE staff ADD COLUMN deactivated_at INTEGER;
    ALTER TABLE staff ADD COLUMN deactivated_by TEXT;
    """)
}
