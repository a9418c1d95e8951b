import Foundation
import GridCore

extension StoreError {
    /// The shared wording of every case in `language`, with times in `zone`. It names no command-line flag and
    /// no console key: a front end words the cases about its own input (a missing reason or value, how to
    /// get a role) itself and falls back to this for the rest.
    public func words(_ language: Language, zone: TownshipZone = .shanghai) -> String {
        let zh = language == .zh
        func t(_ d: Date) -> String { ISOTime.formatShort(d, zone: zone) }
        func n(_ v: some Named) -> String { v.displayName(language) }
        switch self {
        case let .schemaTooNew(found, supported, path):
            return zh ? "\(path)：文件的结构版本 \(found) 比本程序支持的 \(supported) 新；请升级 GridRoom。文件未改动。"
                : "\(path): schema version \(found) is newer than this program supports (\(supported)); upgrade GridRoom. The file was not changed."
        case let .notGridRoom(path, reason):
            return zh ? "\(path)：不是 GridRoom 数据库（\(reason)）" : "\(path): not a GridRoom database (\(reason))"
        case let .missing(path):
            return zh ? "\(path)：这里没有数据库；请先用 `gridroom init`（或 `gridroom init --demo`）创建"
                : "\(path): no database here; create one with `gridroom init` (or `gridroom init --demo`)"
        case let .busy(attempts):
            return zh ? "数据库忙：重试 \(attempts) 次仍被另一进程的长写入占用，请稍后再试。"
                : "the database stayed busy after \(attempts) attempts; another process holds a long write. Try again."
        case let .damaged(path, reason):
            return zh ? "\(path)：数据库文件已损坏（\(reason)）；命令已停止，此后拒绝写入。请运行 `gridroom check`，并恢复 `gridroom backup` 校验过的最近一份副本（见 Docs/reliability.md）"
                : "\(path): the database file is damaged (\(reason)); the command stopped and further writes are refused. "
                    + "Run `gridroom check`, and restore the latest copy that `gridroom backup` verified (see Docs/reliability.md)"
        case let .permissionDenied(path):
            return zh ? "\(path)：没有读取权限；请申请加入该文件的用户组（见 Docs/reliability.md）"
                : "\(path): permission denied; this user may not read the file (ask for membership of its group; see Docs/reliability.md)"
        case let .upgradeNeedsWrite(path, version, reason):
            return zh ? "\(path)：结构版本 \(version) 需要升级，但文件只读（\(reason.words(.zh))）"
                : "\(path): schema version \(version) needs upgrading but the file is read-only (\(reason.words(.en)))"
        case let .readOnly(path, reason):
            return zh ? "\(path) 以只读方式打开（\(reason.words(.zh))）：此操作需要写入，未做任何改动"
                : "\(path) is open read-only (\(reason.words(.en))): this command writes, so nothing was changed"
        case let .fileExists(path):
            return zh ? "\(path) 已存在；请换一个名字" : "\(path) already exists; choose a new name"
        case let .fileSystem(path, operation, reason):
            return zh ? "\(path)：无法\(operation == "rename" ? "改名" : "创建")（\(reason)）" : "\(path): cannot \(operation) (\(reason))"
        case let .unknownStoredValue(table, column, value):
            return zh ? "文件中 \(table).\(column) 的值「\(value)」无法识别；文件可能由更新的版本写入或已被改动"
                : "\(table).\(column) holds \"\(value)\", which this program does not know; the file was written by a newer version or altered"
        case let .badSetting(_, why):
            return why.words(language)           // the rule's words name the key and the value
        case let .refusedRole(login, action, role, needed):
            guard let role else {
                return zh ? "\(login) 不在指挥室人员名单中（或已停用），不能\(n(action))；请管理员登记"
                    : "\(login) is not on the command-room staff (or is inactive) and may not \(n(action)); ask an admin to add them"
            }
            return zh ? "\(login)（\(n(role))）不能\(n(action))：需要\(n(needed))或更高角色"
                : "\(login) (\(n(role))) may not \(n(action)): it needs the role \(n(needed)) or higher"
        case let .staleVersion(number, who, when, seen, current):
            return zh ? "案件 \(number) 已被 \(who) 于 \(t(when)) 改动（你看到的是第 \(seen) 版，现为第 \(current) 版）；请刷新后再办理"
                : "case \(number) was changed by \(who) at \(t(when)) — reload (you had version \(seen), it is now version \(current))"
        case let .unknownCode(kind, value):
            return zh ? "没有这个\(n(kind))：\(value)" : "no such \(n(kind)): \(value)"
        case let .badField(name, problem):
            return zh ? "\(name)：\(problem.words(language, zone: zone))" : "\(name): \(problem.words(language, zone: zone))"
        case let .staffExists(login):
            return zh ? "人员 \(login) 已存在" : "staff \(login) already exists"
        case let .lastAdmin(login):
            return zh ? "\(login) 是最后一位在用的管理员；请先指定另一位管理员" : "\(login) is the last active admin; make another admin first"
        case let .notBasicGrid(code, level):
            return zh ? "网格 \(code) 是\(n(level))；巡查与考核只针对基础网格"
                : "grid \(code) is a grid of level \(n(level)); patrols and compliance are for basic grids only"
        case let .illegalMove(number, e):
            let allowed = e.allowed.map(n).joined(separator: zh ? "、" : ", ")
            let state = n(e.state) + (e.shelved ? (zh ? "（挂账）" : " (shelved)") : "")
            return zh ? "案件 \(number) \(state)，不能\(n(e.move))；可办理：\(allowed.isEmpty ? "无" : allowed)"
                : "case \(number) is \(state) and cannot be given \(n(e.move)); allowed: \(allowed.isEmpty ? "nothing" : allowed)"
        case let .missingReason(number, move):
            return zh ? "案件 \(number)：\(n(move))需要填写理由或说明" : "case \(number): \(n(move)) needs a reason or a note"
        case let .missingValue(number, move, value):
            return zh ? "案件 \(number)：\(n(move))需要\(value.words(.zh))" : "case \(number): \(n(move)) needs \(value.words(.en))"
        case let .mergeIntoSelf(number):
            return zh ? "案件 \(number) 不能合并到它自己" : "case \(number): cannot merge a matter into itself"
        case let .mergeTargetEnded(number, into, state, mergedInto):
            let hint = mergedInto.map { zh ? "；请改为合并到 \($0)" : "; merge into \($0) instead" } ?? ""
            return zh ? "案件 \(number) 不能合并到 \(into)：它\(n(state))\(hint)" : "case \(number): cannot merge into \(into), which is \(n(state))\(hint)"
        case let .possibleDuplicate(of):
            return zh ? "可能与 \(of) 重复" : "possibly a duplicate of \(of)"
        case let .duplicateOrderNo(orderNo, source, number):
            return zh ? "工单号 \(orderNo) 已用于\(n(source))案件 \(number)" : "order_no \(orderNo): already on \(n(source)) matter \(number)"
        case let .extensionPending(number):
            return zh ? "案件 \(number) 已有待审批的延期申请；请先批准或不批准" : "case \(number): an extension request is already pending; approve or refuse it first"
        case let .noExtensionPending(number):
            return zh ? "案件 \(number) 没有待审批的延期申请" : "case \(number): no extension request is pending"
        case let .noHandlingClock(number):
            return zh ? "案件 \(number) 没有正在计时的处置环节，无法延期" : "case \(number): no handling clock is running to extend"
        case let .noDistrictCentre(number):
            return zh ? "案件 \(number) 无法上报：部门名单中没有区指挥中心平台的部门；请先导入（平台 district）"
                : "case \(number) cannot be escalated: no department of the district platform is registered; import one (platform district)"
        case let .alreadyMajor(number):
            return zh ? "案件 \(number) 已是重大事项" : "case \(number) is already marked major"
        case let .notADispute(number, category):
            return zh ? "案件 \(number) 的类别 \(category) 不是矛盾纠纷类，不能稳控" : "case \(number): category \(category) is not a dispute category; only disputes are kept under control"
        case let .controlUnchanged(number, on):
            return on ? (zh ? "案件 \(number) 已在稳控中" : "case \(number) is already under control")
                : (zh ? "案件 \(number) 未在稳控中" : "case \(number) is not under control")
        case let .notAwaitingSignature(number, signedAt?):
            let t = PeopleTime.dated(signedAt, now: signedAt, zone: zone)
            return zh ? "案件 \(number) 已于 \(t) 签收" : "case \(number) was signed for at \(t)"
        case let .notAwaitingSignature(number, nil):
            return zh ? "案件 \(number) 没有待签收的派遣" : "case \(number): no dispatch is waiting to be signed for"
        case let .patrol(p):
            return p.words(language, zone: zone)
        case .noShift:
            return zh ? "当前没有进行中的班次；请先接班" : "no shift is under way; start one first"
        case let .duty(p):
            return p.words(language, zone: zone)
        case let .cannotGenerate(path, reason):
            switch reason {
            case .noCategories: return zh ? "\(path) 中没有事项类别；请先 `gridroom init --demo` 或导入类别" : "no categories in \(path); run `gridroom init --demo` (or import categories) first"
            case .alreadyGenerated: return zh ? "\(path) 已含生成的数据；请生成到新文件" : "\(path) already holds generated data; generate into a fresh file"
            case .noBasicGrids: return zh ? "\(path) 中没有基础网格，无法生成活动" : "no basic grids in \(path) to write activity for"
            }
        case let .unavailable(feature):
            return zh ? "此版本未接入：\(feature)" : "not available in this build: \(feature)"
        case let .cannotOpen(path, problem, sqlite):
            return zh ? "\(path)：无法打开数据库：\(problem.words(.zh))（SQLite：\(sqlite)）"
                : "\(path): cannot open the database: \(problem.words(.en)) (SQLite: \(sqlite))"
        case let .fixedClockOnLiveFile(path, command):
            return zh ? "\(path) 是正式文件：`gridroom \(command)` 会写入，写入只按系统时钟；--now / GRIDROOM_NOW 只能用于按某一时刻查看（演练文件用 `gridroom init --rehearsal` 创建）"
                : "\(path) is a live (正式) file: `gridroom \(command)` writes, and writes take the real clock; --now / GRIDROOM_NOW "
                    + "may only be used to read \"as of\" a time (rehearsal files are made with `gridroom init --rehearsal`)"
        case let .clockDisagrees(path, given, real):
            return zh ? "\(path) 是正式文件：拒绝时间为 \(t(given)) 的写入；系统时钟为 \(t(real))"
                : "\(path) is a live (正式) file: a write dated \(t(given)) is refused; the real clock says \(t(real))"
        case let .eventBeforePrevious(number, at, previous):
            return zh ? "案件 \(number)：时间 \(t(at)) 早于该案件上一条记录（\(t(previous))）；历史只能向前"
                : "case \(number): a move dated \(t(at)) is earlier than the matter's previous event (\(t(previous))); history only moves forward"
        case let .deactivated(login, on, by):
            return zh ? "\(login) 已于 \(on?.description ?? "（日期未记录）") 被 \(by ?? "（未记录）") 停用；请管理员运行 `gridroom staff activate \(login)`"
                : "\(login) was deactivated on \(on?.description ?? "an unknown date") by \(by ?? "an unknown admin"); "
                    + "ask an admin to run `gridroom staff activate \(login)`"
        case let .backupUnsound(target, problems):
            return zh ? "备份到 \(target) 失败：副本未通过完整性检查（\(problems.joined(separator: "；"))），已删除。源文件可能已损坏：请运行 `gridroom check`"
                : "backup to \(target) FAILED: the copy is not sound (\(problems.joined(separator: "; "))); it was removed. "
                    + "The source file is probably damaged: run `gridroom check`"
        case let .rehearsalOnly(path, command):
            return zh ? "\(path) 是正式文件：`gridroom \(command)` 写入测试或模拟数据，只能用于演练文件（`gridroom init --rehearsal` 或 `init --demo`）"
                : "\(path) is a live (正式) file: `gridroom \(command)` writes test or synthetic data and runs on rehearsal (演练) files "
                    + "only (`gridroom init --rehearsal` or `init --demo`)"
        case let .staffAlready(login, active):
            return zh ? (active ? "\(login) 已是在用状态" : "\(login) 已被停用") : (active ? "\(login) is already active" : "\(login) is already deactivated")
        case let .demoIdentity(login, .liveFile(path)):
            return zh ? "GRIDROOM_DEMO_AS=\(login)：\(path) 是正式文件，以他人身份操作只能用于演练文件；请取消该变量（unset GRIDROOM_DEMO_AS）"
                : "GRIDROOM_DEMO_AS=\(login): \(path) is a live (正式) file; acting as someone else is for rehearsal (演练) files only: unset GRIDROOM_DEMO_AS"
        case let .demoIdentity(login, .unknown(known)):
            return zh ? "GRIDROOM_DEMO_AS=\(login)：人员名单中没有此登录名；可用：\(known.joined(separator: "、"))"
                : "GRIDROOM_DEMO_AS=\(login): no staff member has this login; active logins: \(known.joined(separator: ", "))"
        case let .demoIdentity(login, .deactivated):
            return zh ? "GRIDROOM_DEMO_AS=\(login)：此人员已停用，不能以其身份操作" : "GRIDROOM_DEMO_AS=\(login): this staff member is deactivated and cannot be acted as"
        case let .fileHoldsMatters(path, matters):
            return zh ? "\(path) 已有 \(matters) 件案件：`demo generate` 会把模拟乡镇混进这些记录，未写入任何内容。请生成到新文件（`gridroom --db 新文件 init --demo`，再 `demo generate`）；"
                    + "若确要为本文件已有的网格和网格员追加模拟活动，请明确加 --own-grids"
                : "\(path) already holds \(matters) matters: `demo generate` would mix a synthetic township into them; nothing was written. "
                    + "Generate into a fresh file (`gridroom --db NEW init --demo`, then `demo generate`); to add synthetic activity "
                    + "for this file's own grids and workers, ask for it explicitly with --own-grids"
        }
    }
}

extension FieldProblem {
    /// The problem in words.
    public func words(_ language: Language, zone: TownshipZone = .shanghai) -> String {
        let zh = language == .zh
        switch self {
        case .empty: return zh ? "不能为空" : "must not be empty"
        case let .inFuture(at, now):
            return zh ? "\(ISOTime.formatShort(at, zone: zone)) 晚于现在（\(ISOTime.formatShort(now, zone: zone))）"
                : "\(ISOTime.format(at, zone: zone)) is in the future (now is \(ISOTime.format(now, zone: zone)))"
        case let .notLogin(v): return zh ? "「\(v)」不是操作系统登录名（ASCII，无空格）" : "\"\(v)\": expected an operating-system login name (ASCII, no spaces)"
        case .controlCharacters: return zh ? "含有控制字符" : "holds control characters"
        }
    }
}

extension MoveValue {
    /// What is needed, in words (no flag, no key).
    public func words(_ language: Language) -> String {
        let range = "\(TimeRules.extensionDays.lowerBound)–\(TimeRules.extensionDays.upperBound)"
        switch self {
        case .mergeTarget: return language == .zh ? "目标案件编号" : "the number of the matter it duplicates"
        case .extensionDays: return language == .zh ? "延期工作日数（\(range)）" : "the working days to extend (\(range))"
        case .department: return language == .zh ? "部门" : "a department"
        case .replyChannel: return language == .zh ? "回复渠道" : "how it was answered"
        case .revisitResult: return language == .zh ? "回访结果（满意、基本满意或不满意）" : "the verdict (satisfied, fairly satisfied or unsatisfied)"
        }
    }
}

extension PatrolProblem {
    /// The problem in words.
    public func words(_ language: Language, zone: TownshipZone = .shanghai) -> String {
        let zh = language == .zh
        func t(_ d: Date) -> String { ISOTime.formatShort(d, zone: zone) }
        switch self {
        case let .underWay(worker, grid, id, since):
            return zh ? "网格员 \(worker) 在 \(grid) 已有进行中的巡查 #\(id)（自 \(t(since))）；请先结束它"
                : "worker \(worker) already has patrol #\(id) under way in \(grid) since \(t(since)); stop it first"
        case let .noneUnderWay(worker, grid):
            return zh ? "网格员 \(worker) 在 \(grid) 没有进行中的巡查" : "worker \(worker) has no patrol under way in \(grid)"
        case let .endBeforeStart(end, start):
            return zh ? "结束 \(t(end)) 早于开始 \(t(start))" : "end \(t(end)) is before start \(t(start))"
        case let .inFuture(field, at):
            let f = field == "start" ? (zh ? "开始" : "start") : (zh ? "结束" : "end")
            return zh ? "\(f) \(t(at)) 晚于现在" : "\(f) \(t(at)) is in the future"
        case let .alreadyConfirmed(id, by):
            return zh ? "巡查 #\(id) 已由 \(by) 确认" : "patrol #\(id) was already confirmed by \(by)"
        case let .stillUnderWay(id):
            return zh ? "巡查 #\(id) 仍在进行中；请先结束，确属真实再确认" : "patrol #\(id) is still under way; stop it first, then confirm it if it is genuine"
        case let .notSuspect(id, limit):
            return zh ? "巡查 #\(id) 未超过 \(limit) 分钟，不是存疑记录，无需确认" : "patrol #\(id) is not suspect (not longer than \(limit) min); nothing to confirm"
        }
    }
}
