import Foundation
import GridCore
import GridStore

/// Night-aware alerts (值班提醒): while a shift is open, what rang is kept in the file; the banner shows every
/// alert of the shift not yet acknowledged (on every console), and with `duty.ring_until_ack` on the bell
/// rings again every `DutySettings.ringEverySeconds` until the officer opens the matter or presses Esc.
extension ConsoleApp {
    /// Re-reads the open shift's unacknowledged alerts into the banner.
    func refreshShiftAlerts(now t: Date) {
        guard !damaged else { return }   // the damage banner stays above everything
        guard let shift = try? store.currentShift(),
              let pending = try? store.shiftAlerts(shiftID: shift.id, unacknowledgedOnly: true), !pending.isEmpty else {
            if !shiftAlertNumbers.isEmpty { banner = nil }
            shiftAlertNumbers = []
            return
        }
        shiftAlertNumbers = pending.map(\.number)
        ringUntilAcknowledged = (try? store.dutySettings().ringUntilAcknowledged) ?? true
        var parts: [String] = []
        let urgent = pending.filter { $0.reasons == [.urgent] }.map(\.number), overdue = pending.filter { $0.reasons == [.overdue] }.map(\.number)
        if !urgent.isEmpty { parts.append(strings.f("alert.urgent", urgent.prefix(5).joined(separator: ", "))) }
        if !overdue.isEmpty { parts.append(strings.f("alert.overdue", overdue.prefix(5).joined(separator: ", "))) }
        banner = parts.joined(separator: "  ")
    }

    /// Records what rang for the open shift; a busy file keeps them for the next tick (it never waits).
    func recordShiftAlerts(now t: Date) {
        guard !store.isReadOnly else { unrecordedAlerts = []; return }
        unrecordedAlerts = unrecordedAlerts.filter { kind, numbers in
            // Kept only while busy (nil); recorded or failed otherwise, it is done with.
            do { return try store.recordShiftAlerts(numbers: numbers, kind: kind, now: t) == nil } catch { return false }
        }
    }

    /// Whether the bell is due again for unacknowledged alerts (then it is set to ring at the next draw).
    func ringDue(now t: Date) -> Bool {
        guard ringUntilAcknowledged, !shiftAlertNumbers.isEmpty, t.timeIntervalSince(lastRing) >= DutySettings.ringEverySeconds else { return false }
        lastRing = t
        pendingAlert = true
        return true
    }

    /// Acknowledges the shift's alerts for `numbers` (nil: all shown) and takes them off the banner.
    func acknowledgeAlerts(numbers: [String]?) {
        guard !shiftAlertNumbers.isEmpty else { return }
        if !readOnly { _ = try? store.acknowledgeShiftAlerts(numbers: numbers, by: actor, now: now) }
        shiftAlertNumbers.removeAll { numbers?.contains($0) ?? true }
        if shiftAlertNumbers.isEmpty { banner = nil } else { refreshShiftAlerts(now: now) }
        dataChanged()
    }
}
