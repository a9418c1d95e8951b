import Foundation
import GridCore
import GridStore

/// Errors the command line itself raises (not the store's): each worded below.
enum CLIError: Error, CustomStringConvertible {
    /// A demo data file is missing (`init --demo` outside the checkout without `--data`).
    case demoDataMissing(path: String)
    /// `gridroom bench` could not measure (what went wrong, in English: bench output is for developers).
    case bench(String)

    var description: String { ErrorWording.words(self, .en) }
}

/// How the command line words an error (命令行的出错提示): the cases about what a person types are worded with
/// its flags (`needs --note`); every other store case takes the store's shared wording, in `--lang`.
enum ErrorWording {
    /// The error in words for stderr.
    static func words(_ error: Error, _ language: Language, zone: TownshipZone = .shanghai) -> String {
        let zh = language == .zh
        if let e = error as? CLIError {
            switch e {
            case let .demoDataMissing(path):
                return zh ? "\(path)：找不到演示数据；请在 GridRoom 源码目录运行，或用 --data DIR / GRIDROOM_DATA 指定"
                    : "\(path): demo data not found; run from the GridRoom checkout, or give --data DIR or GRIDROOM_DATA"
            case let .bench(what): return "bench: " + what
            }
        }
        if let i = error as? ImportError { return i.words(language) }
        if let v = error as? ValidationError { return v.words(language) }
        if let u = error as? UnsafeTextError { return u.words(language) }
        guard let e = error as? StoreError else { return String(describing: error) }
        switch e {
        case let .missingReason(number, move):
            return zh ? "案件 \(number)：\(words(move)) 需要 --note（理由或办理情况）"
                : "case \(number): \(words(move)) needs --note (a reason or what was done)"
        case let .missingValue(number, _, .mergeTarget):
            return zh ? "案件 \(number)：merge 需要 --into 编号（被重复的案件）" : "case \(number): merge needs --into NUMBER (the matter it duplicates)"
        case let .missingValue(number, _, .extensionDays):
            let r = TimeRules.extensionDays
            return zh ? "案件 \(number)：extend 需要 --days N（工作日，\(r.lowerBound) 到 \(r.upperBound)）"
                : "case \(number): extend needs --days N (working days, \(r.lowerBound) to \(r.upperBound))"
        case let .missingValue(number, _, .replyChannel):
            return zh ? "案件 \(number)：reply 需要 --channel hotline|phone|sms|visit|wechat" : "case \(number): reply needs --channel hotline|phone|sms|visit|wechat"
        case let .missingValue(number, _, .revisitResult):
            return zh ? "案件 \(number)：revisit 需要 --result satisfied|basic|unsatisfied" : "case \(number): revisit needs --result satisfied|basic|unsatisfied"
        case let .missingValue(number, move, .department):
            return zh ? "案件 \(number)：\(words(move)) 需要 --department 部门编码" : "case \(number): \(words(move)) needs --department CODE"
        case let .illegalMove(number, m):
            let allowed = m.allowed.map(words).joined(separator: ", ")
            let state = (zh ? "\(m.state.rawValue)（\(m.state.displayName(.zh))）" : m.state.rawValue) + (m.shelved ? (zh ? "，已挂账" : ", shelved") : "")
            return zh ? "案件 \(number)：\(state) 状态下不能 \(words(m.move))；可用：\(allowed.isEmpty ? "无" : allowed)"
                : "case \(number): cannot \(words(m.move)) a matter that is \(state); allowed from here: \(allowed.isEmpty ? "nothing" : allowed)"
        case .duty(.shiftOpen):
            return e.words(language, zone: zone) + (zh ? "；用 `gridroom duty start --take-over` 接管" : "; `gridroom duty start --take-over` takes it over")
        case let .refusedRole(login, action, nil, _):
            return zh ? "拒绝：\(login) 不在指挥室人员名单中，不能\(action.displayName(.zh))；请管理员运行 `gridroom staff add \(login) --name … --role …`"
                : "refused: \(login) is not on the command-room staff and may not \(action.displayName(.en)); ask an admin to run `gridroom staff add \(login) --name … --role …`"
        case let .refusedRole(login, action, role?, needed):
            return zh ? "拒绝：\(login)（\(role.displayName(.zh))）不能\(action.displayName(.zh))：需要 \(needed.rawValue)（\(needed.displayName(.zh))）或更高角色"
                : "refused: \(login) (\(role.rawValue)) may not \(action.rawValue): it needs the role \(needed.rawValue) or higher"
        case let .staffExists(login):
            return zh ? "人员 \(login) 已存在；改角色请用 `gridroom staff set-role`" : "staff \(login) already exists; use `gridroom staff set-role`"
        case let .patrol(.underWay(worker, grid, id, since)):
            return PatrolProblem.underWay(worker: worker, grid: grid, id: id, since: since).words(language, zone: zone)
                + " (gridroom patrol stop --worker \(worker) --grid \(grid))"
        case .badSetting(let key, _) where key == "compliance" || key == "matter":      // a bad value read from the file
            return e.words(language, zone: zone) + (zh ? "（修改：`gridroom patrol settings` 或 `gridroom case settings`）"
                                                      : " (change it with `gridroom patrol settings` or `gridroom case settings`)")
        case let .unknownCode(.matter, number):
            return zh ? "案件 \(number)：没有这个案件；`gridroom cases` 可列出" : "case \(number): no such matter; `gridroom cases` lists them"
        case let .fileExists(path):
            return zh ? "\(path) 已存在；请先删除或换一个 --db" : "\(path) already exists; remove it first or use another --db"
        default:
            return e.words(language, zone: zone)
        }
    }

    /// The words a user types for a move on the command line (`case verify --pass`).
    static func words(_ move: Move) -> String {
        switch move {
        case .dispatch: "dispatch"
        case .sign: "sign"
        case .returnMatter: "return"
        case .feedback: "feedback"
        case .verifyPass: "verify --pass"
        case .verifyRework: "verify --fail"
        case .escalate: "escalate"
        case .districtReply: "district-reply"
        case .districtReturn: "district-return"
        case .invalidate: "invalidate"
        case .merge: "merge"
        case .shelve: "shelve"
        case .unshelve: "unshelve"
        case .reopen: "reopen"
        case .urge(let l): "urge --level \(l.rawValue)"
        case .extendRequest: "extend"
        case .extendApprove: "approve"
        case .extendRefuse: "refuse"
        case .comment: "comment"
        case .reply: "reply"
        case .revisit: "revisit"
        case .settle: "settle"
        case .control: "control"
        case .release: "release"
        case .markMajor: "mark-major"
        }
    }
}
