import XCTest
@testable import GridCore

final class MatterMachineTests: XCTestCase {
    /// Every legal move, written out by hand: "state shelved? move" → (to, shelved after, stops, starts, rework).
    let legal: [String: (MatterState, Bool, Stage?, Stage?, Bool)] = [
        "new - dispatch": (.dispatched, false, .dispatch, .handling, false),
        "new - escalate": (.escalated, false, .dispatch, .district, false),
        "new - invalidate": (.invalid, false, .dispatch, nil, false),
        "new - merge": (.merged, false, .dispatch, nil, false),
        "new - settle": (.closed, false, .dispatch, nil, false),
        "new - control": (.new, false, nil, nil, false), "new - release": (.new, false, nil, nil, false),
        "dispatched - control": (.dispatched, false, nil, nil, false), "dispatched - release": (.dispatched, false, nil, nil, false),
        "fed_back - control": (.fedBack, false, nil, nil, false), "fed_back - release": (.fedBack, false, nil, nil, false),
        "escalated - control": (.escalated, false, nil, nil, false), "escalated - release": (.escalated, false, nil, nil, false),
        "new - mark-major": (.new, false, nil, nil, false), "dispatched - mark-major": (.dispatched, false, nil, nil, false),
        "fed_back - mark-major": (.fedBack, false, nil, nil, false), "escalated - mark-major": (.escalated, false, nil, nil, false),
        "new shelved mark-major": (.new, true, nil, nil, false), "dispatched shelved mark-major": (.dispatched, true, nil, nil, false),
        "fed_back shelved mark-major": (.fedBack, true, nil, nil, false), "escalated shelved mark-major": (.escalated, true, nil, nil, false),
        "new - shelve": (.new, true, .dispatch, nil, false),
        "new - urge --level ordinary": (.new, false, nil, nil, false),
        "new - urge --level yellow": (.new, false, nil, nil, false),
        "new - urge --level red": (.new, false, nil, nil, false),
        "new - comment": (.new, false, nil, nil, false),
        "dispatched - sign": (.dispatched, false, nil, nil, false),
        "dispatched - return": (.new, false, .handling, .dispatch, false),
        "dispatched - feedback": (.fedBack, false, .handling, .verification, false),
        "dispatched - escalate": (.escalated, false, .handling, .district, false),
        "dispatched - shelve": (.dispatched, true, .handling, nil, false),
        "dispatched - urge --level ordinary": (.dispatched, false, nil, nil, false),
        "dispatched - urge --level yellow": (.dispatched, false, nil, nil, false),
        "dispatched - urge --level red": (.dispatched, false, nil, nil, false),
        "dispatched - extend": (.dispatched, false, nil, nil, false),
        "dispatched - approve": (.dispatched, false, nil, nil, false),
        "dispatched - refuse": (.dispatched, false, nil, nil, false),
        "dispatched - comment": (.dispatched, false, nil, nil, false),
        "fed_back - verify --pass": (.closed, false, .verification, nil, false),
        "fed_back - verify --fail": (.dispatched, false, .verification, .handling, true),
        "fed_back - escalate": (.escalated, false, .verification, .district, false),
        "fed_back - shelve": (.fedBack, true, .verification, nil, false),
        "fed_back - urge --level ordinary": (.fedBack, false, nil, nil, false),
        "fed_back - urge --level yellow": (.fedBack, false, nil, nil, false),
        "fed_back - urge --level red": (.fedBack, false, nil, nil, false),
        "fed_back - comment": (.fedBack, false, nil, nil, false),
        "escalated - district-reply": (.fedBack, false, .district, .verification, false),
        "escalated - district-return": (.new, false, .district, .dispatch, false),
        "escalated - shelve": (.escalated, true, .district, nil, false),
        "escalated - urge --level ordinary": (.escalated, false, nil, nil, false),
        "escalated - urge --level yellow": (.escalated, false, nil, nil, false),
        "escalated - urge --level red": (.escalated, false, nil, nil, false),
        "escalated - comment": (.escalated, false, nil, nil, false),
        "closed - reopen": (.dispatched, false, nil, .handling, true),
        "closed - comment": (.closed, false, nil, nil, false),
        "closed - reply": (.closed, false, nil, nil, false),
        "closed - revisit": (.closed, false, nil, nil, false),
        "invalid - comment": (.invalid, false, nil, nil, false),
        "merged - comment": (.merged, false, nil, nil, false),
        // Shelved open matters: only unshelve (fresh clock for the state's stage), urge and comment.
        "new shelved unshelve": (.new, false, nil, .dispatch, false),
        "dispatched shelved unshelve": (.dispatched, false, nil, .handling, false),
        "fed_back shelved unshelve": (.fedBack, false, nil, .verification, false),
        "escalated shelved unshelve": (.escalated, false, nil, .district, false),
    ]

    func testEveryMoveFromEveryState() {
        var legalSeen = 0
        for state in MatterState.allCases {
            for shelved in state.isOpen ? [false, true] : [false] {
                for move in Move.all {
                    let key = "\(state.rawValue) \(shelved ? "shelved" : "-") \(move.words)"
                    var expected = legal[key]
                    if shelved, expected == nil {
                        switch move { case .urge, .comment: expected = (state, true, nil, nil, false); default: break }
                    }
                    switch MatterMachine.apply(move, to: state, shelved: shelved) {
                    case .success(let t):
                        guard let e = expected else { XCTFail("\(key) was accepted but is illegal"); continue }
                        legalSeen += 1
                        XCTAssertEqual(t.from, state, key)
                        XCTAssertEqual(t.to, e.0, key)
                        XCTAssertEqual(t.shelved, e.1, key)
                        XCTAssertEqual(t.stops, e.2, key)
                        XCTAssertEqual(t.starts, e.3, key)
                        XCTAssertEqual(t.countsRework, e.4, key)
                    case .failure(let err):
                        XCTAssertNil(expected, "\(key) was refused: \(err)")
                        XCTAssertEqual(err.state, state)
                        XCTAssertFalse(err.allowed.contains(move), key)
                    }
                }
            }
        }
        // 55 unshelved legal moves (feedback from escalated gave way to district-reply and district-return; sign, reply,
        // revisit, settle added, control, release and mark-major in the 4 open states) + 4 unshelve + 4 shelved states
        // × (3 urges + comment + mark-major) = 79.
        XCTAssertEqual(legalSeen, 79)
    }

    func testRefusalSaysWhatIsAllowed() {
        guard case .failure(let e) = MatterMachine.apply(.dispatch, to: .fedBack) else { return XCTFail("dispatch from fed_back accepted") }
        XCTAssertEqual(e, MoveError(move: .dispatch, state: .fedBack, shelved: false,
                                    allowed: [.verifyPass, .verifyRework, .escalate, .shelve, .urge(.ordinary), .urge(.yellow), .urge(.red), .comment,
                                              .control, .release, .markMajor]))
        guard case .failure(let c) = MatterMachine.apply(.feedback, to: .closed) else { return XCTFail("feedback on closed accepted") }
        XCTAssertEqual(c.allowed, [.reopen, .comment, .reply, .revisit])
        guard case .failure(let s) = MatterMachine.apply(.dispatch, to: .new, shelved: true) else { return XCTFail("dispatch while shelved accepted") }
        XCTAssertEqual(s, MoveError(move: .dispatch, state: .new, shelved: true,
                                    allowed: [.unshelve, .urge(.ordinary), .urge(.yellow), .urge(.red), .comment, .markMajor]))
    }

    func testMovesNeedTheirRoles() {
        // Written out from the issue's roles paragraph.
        // The district's answers are recorded by the operator who takes its call.
        let operatorMoves: [Move] = [.dispatch, .returnMatter, .feedback, .verifyPass, .verifyRework, .invalidate, .merge, .comment, .extendRequest,
                                     .districtReply, .districtReturn, .sign, .reply, .revisit, .settle, .control, .release]
        let supervisorMoves: [Move] = [.shelve, .unshelve, .reopen, .urge(.ordinary), .urge(.yellow), .urge(.red), .extendApprove, .extendRefuse]
        for m in operatorMoves { XCTAssertEqual(m.action.minimumRole, .operator_, m.words) }
        XCTAssertEqual(Move.escalate.action.minimumRole, .dutyOfficer)
        for m in supervisorMoves { XCTAssertEqual(m.action.minimumRole, .supervisor, m.words) }
        XCTAssertEqual(Move.markMajor.action.minimumRole, .dutyOfficer)
        XCTAssertEqual(operatorMoves.count + 2 + supervisorMoves.count, Move.all.count)
        // The township's leaders: urge, and nothing else that writes.
        XCTAssertEqual(Action.allCases.filter { Role.leader.may($0) }, [.urge])
    }

    /// 稳控 is offered only for a dispute not under control, 解除稳控 only under control, 标记重大事项 only once.
    func testMovesThatDependOnTheMattersFlags() {
        XCTAssertFalse(MatterMachine.flagsAllow(.control, dispute: false, underControl: false, major: false))
        XCTAssertTrue(MatterMachine.flagsAllow(.control, dispute: true, underControl: false, major: false))
        XCTAssertFalse(MatterMachine.flagsAllow(.control, dispute: true, underControl: true, major: false))
        XCTAssertFalse(MatterMachine.flagsAllow(.release, dispute: true, underControl: false, major: false))
        XCTAssertTrue(MatterMachine.flagsAllow(.release, dispute: true, underControl: true, major: false))
        XCTAssertFalse(MatterMachine.flagsAllow(.release, dispute: false, underControl: true, major: false))
        XCTAssertTrue(MatterMachine.flagsAllow(.markMajor, dispute: false, underControl: false, major: false))
        XCTAssertFalse(MatterMachine.flagsAllow(.markMajor, dispute: false, underControl: false, major: true))
        XCTAssertTrue(MatterMachine.flagsAllow(.dispatch, dispute: false, underControl: false, major: true))
    }
}

extension Move {
    /// The words a user types for it on the command line (`case verify --pass` is `verify pass`).
    fileprivate var words: String {
        switch self {
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
