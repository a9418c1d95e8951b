import Foundation
import GridCore

extension Store {
    /// The compliance settings (考核参数) from the `settings` table; absent keys keep their defaults.
    /// Keys are listed in `ComplianceSettings.Key`; a bad stored value is an error naming the key.
    public func complianceSettings() throws -> ComplianceSettings {
        var values: [String: String] = [:]
        try db.forEach("SELECT key, value FROM settings WHERE key LIKE 'compliance.%'") { values[$0.text(0)] = $0.text(1) }
        do { return try ComplianceSettings(values: values) } catch {
            throw StoreError.badSetting(key: "compliance", why: error)
        }
    }

    /// Changes one compliance setting (supervisor: `limits` right). The value is checked before it is stored.
    public func setComplianceSetting(key: String, value: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .changeLimits, target: key, now: now)
        guard ComplianceSettings.Key.all.contains(key) else {
            throw StoreError.unknownCode(.setting, key)
        }
        let before = try complianceSettings()
        var values = before.values
        values[key] = value
        let after: ComplianceSettings
        do { after = try ComplianceSettings(values: values) } catch { throw StoreError.badSetting(key: key, why: error) }
        // The day summary counts suspect sessions by the limit: a new limit rebuilds it (marked stale in the
        // same transaction, so readers compute from the sessions until the rebuild has finished).
        let rebuild = after.suspectMinutes != before.suspectMinutes
        try write {
            if rebuild { try db.run("INSERT OR IGNORE INTO summary_rebuild(name) VALUES (?)", [.text(Store.patrolDaysName)]) }
            let old = try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.text(0) }
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            try audit(actor: actor.login, action: "setting", target: key, allowed: true, detail: "\(old ?? "(default)") → \(value)", now: now)
        }
        if rebuild { try rebuildPatrolDays() }
    }
}
