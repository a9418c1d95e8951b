import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The new-matter form's full intake (urgency, reported-at, caller, work order), its help key, and drafts that
/// obey: private, restored with a word, deleted on discard.
final class ConsoleFormTests: XCTestCase {
    var dir: String!
    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "gridroom-form-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func type(_ app: ConsoleApp, _ text: String) { for c in text { app.handle(.char(c)) } }
    func tab(_ app: ConsoleApp, _ n: Int) { for _ in 0..<n { app.handle(.tab) } }

    func testEveryIntakeFieldReachesTheStore() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store, actions: .live(store))
        app.handle(.char("n"))
        type(app, "G03"); app.handle(.enter)
        type(app, "C2"); app.handle(.enter)       // 违章搭建: department D2 and urgency normal from the category
        app.handle(.enter)                        // keep D2 (a non-default department would be typed here)
        app.handle(.tab)                          // source: hotline
        type(app, "燃气管道破裂"); tab(app, 3)      // title, past location and description
        for _ in 0..<10 { app.handle(.backspace) }
        type(app, "urgent"); app.handle(.enter)   // urgency
        for _ in 0..<20 { app.handle(.backspace) }
        type(app, "2026-11-22 09:40"); app.handle(.tab)
        type(app, "李女士"); app.handle(.tab)
        type(app, "13912345678"); app.handle(.tab)
        type(app, "GD-7781")
        app.handle(.ctrl("s"))
        XCTAssertEqual(app.message, "已受理：20261122-0002", app.message ?? "")
        let m = try XCTUnwrap(try store.matter(number: "20261122-0002"))
        XCTAssertEqual(m.urgency, .urgent)
        XCTAssertEqual(m.reportedAt, Fixture.now.addingTimeInterval(-20 * 60), "09:40 local, 20 minutes before now")
        XCTAssertEqual([m.callerName, m.callerPhone, m.orderNo], ["李女士", "13912345678", "GD-7781"])
        XCTAssertEqual(m.state, .dispatched)
        XCTAssertEqual(m.department, "D2")
    }

    func testQuestionMarkIsTextAndF1IsHelpInTheForm() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        let s = MemorySurface(rows: 24, cols: 80)
        app.handle(.char("n")); tab(app, 4)
        type(app, "漏水?")
        app.draw(s)
        XCTAssertNotNil(s.find("漏水?"), "? is typed into the title")
        XCTAssertNotNil(s.find("F1 帮助"))
        XCTAssertNil(s.find("? 帮助"))
        app.handle(.function(1)); app.draw(s)
        XCTAssertNotNil(s.find("按键帮助"))
    }

    func testDraftsArePrivateRestoredWithAWordAndGoneOnDiscard() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        let path = ConsoleApp.draftPath(database: store.db.path, login: "tester", environment: ["HOME": dir, "XDG_STATE_HOME": ""])
        XCTAssertTrue(path.hasPrefix(dir + "/.local/state/gridroom/drafts/"), path)
        XCTAssertTrue(path.hasSuffix(".draft-tester"))
        app.draftPath = path
        app.handle(.char("n")); tab(app, 4); type(app, "井盖缺失")
        app.keepDraft()
        let mode = try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue, 0o600)
        // A restart: the form comes back filled, and says so.
        let again = try Fixture.app(store)
        again.draftPath = path
        again.handle(.char("n"))
        XCTAssertEqual(again.message, "已恢复上次未保存的草稿（Esc 放弃即删除）")
        XCTAssertEqual((again.current as? NewMatterScreen)?.texts[.title]?.text, "井盖缺失")
        // Discard: the draft is deleted, the next form is empty.
        again.handle(.escape); again.handle(.char("y"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        again.handle(.char("n"))
        XCTAssertEqual((again.current as? NewMatterScreen)?.texts[.title]?.text, "")
        XCTAssertNotEqual(again.message, "已恢复上次未保存的草稿（Esc 放弃即删除）")
    }

    func testAnAmbiguousPickerEntryNamesTheMatches() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        let s = MemorySurface(rows: 24, cols: 80)
        app.handle(.char("n")); type(app, "东湖"); app.handle(.ctrl("s")); app.draw(s)
        XCTAssertNotNil(s.find("网格：「东湖」符合多项：G01 东湖一组、G02 东湖二组、G03 东湖三组"), s.text)
    }
}
