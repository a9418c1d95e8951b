import Foundation
import GridCore

/// Everything the storage module refuses or fails at that is not SQLite's own error (存储错误), as data.
///
/// Each case carries what a person needs to fix it; none carries finished words. The shared wording is
/// `words(_:)` (StoreError+Words.swift); each front end words the cases about its own input in one file
/// (`GridCLI/ErrorWording.swift` with flags, `GridConsole/App/ErrorWording.swift` with keys). Tests match cases.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    // MARK: The file

    /// The file was written by a newer GridRoom; it is left untouched.
    case schemaTooNew(found: Int, supported: Int, path: String)
    /// The file is not a GridRoom database (or not a database at all).
    case notGridRoom(path: String, reason: String)
    /// The database file does not exist and the command does not create one.
    case missing(path: String)
    /// The database stayed busy through every retry.
    case busy(attempts: Int)
    /// The file is damaged (SQLite's reason); the latest backup should be restored.
    case damaged(path: String, reason: String)
    /// This user may not read the file at all.
    case permissionDenied(path: String)
    /// The file's schema (at `version`) needs upgrading, but it is open read-only (`reason`).
    case upgradeNeedsWrite(path: String, version: Int, reason: ReadOnlyReason)
    /// The file is open read-only (`reason`: `--read-only`, permissions) and this command writes; nothing changed.
    case readOnly(path: String, reason: ReadOnlyReason)
    /// A file that would be created (database, backup) already exists.
    case fileExists(path: String)
    /// The system refused a file operation (`operation`: create, rename) with `reason` (strerror).
    case fileSystem(path: String, operation: String, reason: String)
    /// A value in the file is not one the program knows (e.g. `matters.state = 'lost'`): never read as a default.
    case unknownStoredValue(table: String, column: String, value: String)
    /// A setting stored in the file (or about to be stored) is refused by its rule (`why`, in both languages).
    case badSetting(key: String, why: ValidationError)

    // MARK: People and records

    /// `login` may not do `action`: `role` is theirs (nil: not on the staff or inactive), `needed` the least allowed.
    case refusedRole(login: String, action: Action, role: Role?, needed: Role)
    /// A move was based on a stale version: `who` changed the matter at `when`; the person had version `seen`.
    case staleVersion(number: String, who: String, when: Date, seen: Int, current: Int)
    /// No record of this kind has this code (grid, worker, department, category, matter, staff, patrol, setting…).
    case unknownCode(CodeKind, String)
    /// A field's value is refused: its name and why.
    case badField(name: String, problem: FieldProblem)
    /// A staff login is already taken.
    case staffExists(login: String)
    /// The last admin cannot lose the role.
    case lastAdmin(login: String)
    /// A grid of another level where only basic grids (基础网格) are allowed (patrols, compliance).
    case notBasicGrid(code: String, level: GridLevel)

    // MARK: Matters

    /// The move is not allowed in the matter's state (the error lists what is).
    case illegalMove(number: String, MoveError)
    /// The move needs a reason or note and none was given.
    case missingReason(number: String, move: Move)
    /// The move needs a value (a merge target, a number of working days) that was not given or is out of range.
    case missingValue(number: String, move: Move, value: MoveValue)
    /// A matter cannot be merged into itself.
    case mergeIntoSelf(number: String)
    /// The merge target has ended as invalid or merged (`mergedInto`: where it went, if merged).
    case mergeTargetEnded(number: String, into: String, state: MatterState, mergedInto: String?)
    /// A matter of the same category and grid was reported within the duplicate window (a save not forced).
    case possibleDuplicate(of: String)
    /// The hotline work-order number (工单号) is already on a matter from the same source.
    case duplicateOrderNo(orderNo: String, source: MatterSource, number: String)
    /// An extension request is already waiting for a decision.
    case extensionPending(number: String)
    /// Approve or refuse, with no extension request waiting.
    case noExtensionPending(number: String)
    /// An extension approved while no handling clock runs.
    case noHandlingClock(number: String)
    /// An escalation with no department of the district platform (区指挥中心) in the registry to send it to.
    case noDistrictCentre(number: String)
    /// Marked major when it already is.
    case alreadyMajor(number: String)
    /// 稳控 asked of a matter whose category is not a dispute category (the category table's `dispute` flag).
    case notADispute(number: String, category: String)
    /// Put under control when it already is, or released when it is not.
    case controlUnchanged(number: String, underControl: Bool)
    /// A sign-for with no signature awaited: not dispatched, dispatched before sign-for existed, or signed already.
    case notAwaitingSignature(number: String, signedAt: Date?)

    // MARK: Patrols, duty, generated data

    /// A patrol record is refused (巡查登记).
    case patrol(PatrolProblem)
    /// A duty-shift action with no shift under way.
    case noShift
    /// A duty write refused (值班): a shift open, changed, not one's own, a hand-over acknowledged already, a roster entry.
    case duty(DutyProblem)
    /// The demo generator cannot run on this file.
    case cannotGenerate(path: String, reason: GenerateProblem)
    /// A front end asked for something this build does not wire up (a stub in tests).
    case unavailable(feature: String)

    // MARK: Trust: the clock, the file, people (issue 13)

    /// The file could not be opened for a reason other than not being GridRoom's (`sqlite`: SQLite's message).
    case cannotOpen(path: String, problem: OpenProblem, sqlite: String)
    /// A fixed clock (`--now`/`GRIDROOM_NOW`) was given to `command` (e.g. `case feedback`), which writes, on a live (正式) file.
    case fixedClockOnLiveFile(path: String, command: String)
    /// On a live (正式) file a write dated `given` is refused: the operating system's clock said `real`.
    case clockDisagrees(path: String, given: Date, real: Date)
    /// A new event of a matter dated `at` would come before that matter's previous event, dated `previous`.
    case eventBeforePrevious(number: String, at: Date, previous: Date)
    /// The staff member was switched off (停用) on the township-local day `on` by the admin `by` (nil: not recorded).
    case deactivated(login: String, on: LocalDate?, by: String?)
    /// A backup's copy failed its integrity check (the first problems); the copy was removed.
    case backupUnsound(target: String, problems: [String])
    /// `command` writes synthetic or test data and runs on rehearsal (演练) files only.
    case rehearsalOnly(path: String, command: String)
    /// The staff member is already active (`active` true) or already switched off.
    case staffAlready(login: String, active: Bool)
    /// `GRIDROOM_DEMO_AS=login` (acting as a demo role, 演练身份) cannot be used: see `problem`.
    case demoIdentity(login: String, problem: DemoIdentityProblem)
    /// `demo generate` would mix a synthetic township into a file that already holds `matters` matters.
    case fileHoldsMatters(path: String, matters: Int)

    /// English words for logs and tests' failure messages (`words(.en)`).
    public var description: String { words(.en) }
}

/// Why a file is open read-only (只读原因).
public enum ReadOnlyReason: Sendable, Equatable {
    /// `--read-only` or `GRIDROOM_READ_ONLY=1` asked for it.
    case asked
    /// The file is not writable for this user (the system's reason).
    case fileNotWritable(String)
    /// Its directory is not writable for this user (the directory, the system's reason): SQLite needs it for the WAL.
    case directoryNotWritable(String, String)
    /// The connection itself was opened read-only.
    case connection
    /// `gridroom check` (or a command meeting SQLITE_CORRUPT) found the file damaged (its first problem); writes
    /// are refused until a check passes or a verified copy is restored (`marker`: the record beside the file).
    case damaged(problem: String, marker: String)

    /// The reason in words.
    public func words(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .asked: return zh ? "按 --read-only 打开" : "opened with --read-only"
        case let .fileNotWritable(why): return zh ? "此用户不能写这个文件（\(why)）" : "the file is not writable for this user (\(why))"
        case let .directoryNotWritable(dir, why):
            return zh ? "此用户不能写所在目录 \(dir)（\(why)）" : "its directory \(dir) is not writable for this user (\(why))"
        case .connection: return zh ? "只读连接" : "read-only connection"
        case let .damaged(problem, marker):
            return zh ? "文件已被查出损坏（\(problem)）；在 gridroom check 通过或恢复经校验的备份之前拒绝写入——见 \(marker)"
                : "the file was found damaged (\(problem)); writes are refused until `gridroom check` passes or a verified copy is restored — see \(marker)"
        }
    }
}

/// Which value a move lacked (办理所需的值).
public enum MoveValue: String, Sendable, Equatable {
    /// The case number a duplicate is merged into.
    case mergeTarget = "merge_target"
    /// The working days of an extension, within `TimeRules.extensionDays`.
    case extensionDays = "extension_days"
    /// The department a matter is dispatched to.
    case department
    /// How a reply was given (`ReplyChannel`).
    case replyChannel = "reply_channel"
    /// The verdict of a follow-up call (`Satisfaction`).
    case revisitResult = "revisit_result"
}

/// What is wrong with a field's value (字段问题).
public enum FieldProblem: Sendable, Equatable {
    /// Empty where a value is required.
    case empty
    /// A time later than now by more than `TimeRules.futureTolerance`.
    case inFuture(Date, now: Date)
    /// Not an operating-system login name (ASCII letters, digits, `._-`).
    case notLogin(String)
    /// Holds control characters (text from outside is refused, not stored).
    case controlCharacters
}

/// Why a patrol record is refused (巡查登记问题).
public enum PatrolProblem: Sendable, Equatable {
    /// The worker already has session `id` under way in the grid since `since`.
    case underWay(worker: String, grid: String, id: Int, since: Date)
    /// The worker has no session under way in the grid.
    case noneUnderWay(worker: String, grid: String)
    /// The end lies before the start.
    case endBeforeStart(end: Date, start: Date)
    /// The start or end lies in the future.
    case inFuture(field: String, at: Date)
    /// A session is already confirmed, by `by`.
    case alreadyConfirmed(id: Int, by: String)
    /// A session still under way cannot be confirmed.
    case stillUnderWay(id: Int)
    /// A session not longer than the limit has nothing to confirm.
    case notSuspect(id: Int, limitMinutes: Int)
}

/// Why the demo generator refuses a file.
public enum GenerateProblem: String, Sendable, Equatable {
    /// The file has no categories (run `init --demo` or import them first).
    case noCategories = "no_categories"
    /// The file already holds generated data.
    case alreadyGenerated = "already_generated"
    /// The file has no basic grids to write activity for.
    case noBasicGrids = "no_basic_grids"
}

/// Why `GRIDROOM_DEMO_AS` is refused (演练身份不可用).
public enum DemoIdentityProblem: Sendable, Equatable {
    /// The file at `path` is live (正式): acting as someone else is for rehearsal files only.
    case liveFile(path: String)
    /// No staff member has that login (`known`: the active logins, to choose from).
    case unknown(known: [String])
    /// The staff member is switched off (停用).
    case deactivated
}

/// Why a file could not be opened, when it is not for being another program's (打开失败原因).
public enum OpenProblem: Sendable, Equatable {
    /// The disk holding the file is full (`freeKiB` left).
    case diskFull(freeKiB: Int)
    /// The operating system refused access.
    case permission
    /// Another process holds a lock on the file.
    case locked
    /// The file or its directory is read-only.
    case readOnly
    /// SQLite could not open the file (a missing directory, too many open files).
    case cannotOpen
    /// A disk I/O error.
    case ioError

    /// The problem in words.
    public func words(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .diskFull(let kib): return zh ? "所在磁盘已满（剩余 \(kib) KiB）" : "the disk holding it is full (\(kib) KiB free)"
        case .permission: return zh ? "没有权限" : "permission denied"
        case .locked: return zh ? "另一进程锁住了文件" : "another process holds a lock on the file"
        case .readOnly: return zh ? "文件或所在目录只读" : "the file or its directory is read-only"
        case .cannotOpen: return zh ? "无法打开文件" : "the file cannot be opened"
        case .ioError: return zh ? "磁盘读写错误" : "a disk I/O error"
        }
    }
}
