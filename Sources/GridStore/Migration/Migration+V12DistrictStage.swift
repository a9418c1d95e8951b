extension Migration {
    /// The district stage (区指挥中心办理): `matters.stage` and `stages.stage` accept `district`, so an escalated matter
    /// runs a clock of its own. SQLite cannot alter a CHECK, and rebuilding `matters` would drop the columns other
    /// steps add to it; widening an IN-list only relaxes the constraint and leaves every stored row valid, which is
    /// the case SQLite documents for editing the stored schema text (writable_schema, then a reset and a new schema
    /// cookie so that other connections reload it). Matters escalated before this step keep no district clock.
    static let v12DistrictStage = Migration(version: 12, name: "district stage", sql: """
    PRAGMA writable_schema = ON;
    UPDATE sqlite_master SET sql = replace(sql, '''handling'',''verification'')', '''handling'',''verification'',''district'')')
        WHERE type = 'table' AND name IN ('matters', 'stages');
    PRAGMA writable_schema = RESET;
    """, rewritesSchema: true)
}
