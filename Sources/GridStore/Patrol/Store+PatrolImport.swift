import Foundation
import GridCore

extension Store {
    /// Imports `patrols.csv` (`worker,grid,start,end`) through the shared import runner: every row is checked
    /// first; the whole file is rejected on a bad row unless `options.skipInvalid`. Re-importing writes nothing
    /// new: each row's import key is its worker, grid, start and end. Sessions longer than the suspect limit
    /// are stored as suspect.
    public func importPatrols(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        let settings = try complianceSettings()
        return try runImport(path: path, action: .patrol, options: options, actor: actor, now: now,
                             makeValidator: { PatrolRowValidator(existing: try $0.registrySnapshot(), zone: $0.zone, now: now) },
                             writer: patrolWriter(settings: settings, actor: actor.login, now: now))
    }

    /// Writes one checked patrol row; false when the same row was imported before.
    func patrolWriter(settings: ComplianceSettings, actor: String, now: Date) -> ImportWriter<PatrolRow> {
        ImportWriter(write: { store, r in
            try store.insertPatrol(worker: r.worker, grid: r.grid, start: r.start, end: r.end, settings: settings, source: "import",
                                   importKey: Store.patrolImportKey(worker: r.worker, grid: r.grid, start: r.start, end: r.end),
                                   actor: actor, now: now) != nil
        })
    }
}
