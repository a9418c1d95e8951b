import XCTest
@testable import GridCore

final class CSVValidationTests: XCTestCase {
    func records(_ text: String, _ header: [String], written: [String]? = nil, optional: [String] = []) throws -> [CSVRecord] {
        try CSVReader.read(Array(((written ?? header).joined(separator: ",") + "\n" + text).utf8), header: header,
                           optional: optional).records
    }

    let snapshot = RegistrySnapshot(
        grids: ["T": .township, "A1": .area, "B1": .basic, "B2": .basic],
        workers: ["W9": nil, "W8": "W7", "W7": "W8"],
        departments: ["ZZB", "PCS"])

    func testGoodGrids() throws {
        let v = GridValidator(existing: snapshot)
        // An older six-column grids file (without head and instructor).
        let b = v.validate(try records("A2,西村,area,T,,\nB3,西村一组,basic,A2,1,2\nB4,西村二组,基础网格,A1,1,3\n", v.header,
                                       written: Array(v.header.prefix(6)), optional: v.optionalColumns))
        XCTAssertEqual(b.rejected.count, 0, "\(b.errors)")
        XCTAssertEqual(b.accepted.map(\.value), [
            Grid(code: "A2", name: "西村", level: .area, parent: "T"),
            Grid(code: "B3", name: "西村一组", level: .basic, parent: "A2", row: 1, col: 2),
            Grid(code: "B4", name: "西村二组", level: .basic, parent: "A1", row: 1, col: 3),
        ])
    }

    func testBadGrids() throws {
        let v = GridValidator(existing: snapshot)
        let text = """
        B5,x,basic,NOPE,,
        B6,x,village,A1,,
        B7,x,basic,B1,,
        T2,x,township,A1,,
        B8,,basic,A1,3,
        B9,x,basic,A1,1,1,extra
        B10,x,basic,B11,,
        B11,x,basic,A1,,
        D1,x,area,T,,
        D1,y,area,T,,
        中文,x,area,T,,
        """
        let b = v.validate(try records(text, v.header, written: Array(v.header.prefix(6)), optional: v.optionalColumns))
        let byLine = Dictionary(grouping: b.errors, by: \.line)
        XCTAssertEqual(byLine[2]?.first?.column, "parent")            // unknown parent
        XCTAssertTrue(byLine[2]!.first!.message.contains("unknown grid NOPE"))
        XCTAssertEqual(byLine[3]?.first?.column, "level")             // bad enum
        XCTAssertTrue(byLine[4]!.first!.message.contains("B1 is a basic grid"))  // parent not higher
        XCTAssertEqual(byLine[5]?.first?.column, "parent")            // township with parent
        XCTAssertEqual(Set(byLine[6]!.map(\.column)), ["name", "col"]) // empty name, row without col
        XCTAssertNil(byLine[7]?.first?.column)                        // 7 fields
        XCTAssertTrue(byLine[8]!.first!.message.contains("B11"))       // parent is basic (in file)
        XCTAssertTrue(byLine[10]!.first!.message.contains("also on line 11"))
        XCTAssertTrue(byLine[11]!.first!.message.contains("also on line 10"))
        XCTAssertEqual(byLine[12]?.first?.column, "code")
        XCTAssertEqual(b.accepted.map(\.value.code), ["B11"])
    }

    func testParentRejectedCascades() throws {
        let v = GridValidator(existing: snapshot)
        // A3 is bad (unknown level), so B12 whose parent is A3 cannot be accepted either.
        let b = v.validate(try records("A3,x,zone,T,,\nB12,y,basic,A3,,\n", v.header, written: Array(v.header.prefix(6)), optional: v.optionalColumns))
        XCTAssertEqual(b.accepted.count, 0)
        XCTAssertEqual(b.errors.last, RowError(line: 3, column: "parent", Phrase(zh: "上级 A3 在第 2 行，该行本身无效", en: "parent A3 is on line 2, which is itself invalid")))
    }

    func testWorkers() throws {
        let v = WorkerValidator(existing: snapshot)
        let text = """
        W1,张伟,13812345678,part,B1,W2
        W2,李娜,13987654321,兼职,B2,W1
        W3,王芳,138123,full,B1,
        W4,赵磊,13800000001,full,A1,
        W5,陈静,13800000002,full,B1,W5
        W6,刘洋,13800000003,part,B1,W8
        W10,周敏,13800000004,part,B1,W9
        W11,吴刚,13800000005,full,B1,W1
        W12,孙丽,0571-86001234,half,B1,
        """
        let b = v.validate(try records(text, v.header, written: Array(v.header.prefix(6)), optional: v.optionalColumns))
        let byLine = Dictionary(grouping: b.errors, by: \.line)
        XCTAssertEqual(byLine[4]?.first?.column, "phone")
        XCTAssertTrue(byLine[5]!.first!.message.contains("workers serve basic grids"))
        XCTAssertTrue(byLine[6]!.first!.message.contains("own A/B partner"))
        XCTAssertTrue(byLine[7]!.first!.message.contains("W8 is paired with W7"))   // DB partner taken
        XCTAssertTrue(byLine[9]!.first!.message.contains("W1 is paired with W2"))   // file partner taken
        XCTAssertEqual(byLine[10]?.map(\.column), ["kind"])                           // landline accepted
        // W10 → W9 whose partner is empty in the database: accepted (one-sided).
        XCTAssertEqual(b.accepted.map(\.value.code), ["W1", "W2", "W10"])
    }

    func testDepartmentsAndCategories() throws {
        let d = DepartmentValidator()
        let db = d.validate(try records("SFS,司法所,综治工作\nX,x,police\n", d.header))
        XCTAssertEqual(db.accepted.map(\.value.platform), [.publicOrder])
        XCTAssertEqual(db.errors.map(\.column), ["platform"])

        let c = CategoryValidator(existing: snapshot)
        let text = """
        SR01,暴露垃圾,市容环境,ZZB,normal,30min,2wd,1wd
        TF01,火灾,突发事件,PCS,紧急,10min,4h,4wh
        X1,x,y,NONE,normal,30min,2wd,1wd
        X2,x,y,PCS,soon,0min,2days,
        """
        // An older 8-column file (without the flags): its rows are padded and read as not disputes.
        let cb = c.validate(try records(text, c.header, written: Array(c.header.prefix(8)), optional: c.optionalColumns))
        XCTAssertEqual(cb.accepted.map(\.value.handleLimit.description), ["2wd", "4h"])
        XCTAssertEqual(cb.accepted.map(\.value.dispute), [false, false])
        // A 9-column file with `dispute` only: 1/是 are disputes, 0/empty are not, anything else is refused naming the column.
        let nine = c.validate(try records("MD01,邻里纠纷,矛盾纠纷,ZZB,normal,1h,3wd,1wd,1\nMD02,劳资纠纷,矛盾纠纷,PCS,normal,1h,3wd,1wd,是\n"
                                          + "SR02,x,市容环境,ZZB,normal,30min,2wd,1wd,\nSR03,x,市容环境,ZZB,normal,30min,2wd,1wd,maybe\n", c.header,
                                          written: Array(c.header.prefix(9)), optional: c.optionalColumns))
        XCTAssertEqual(nine.accepted.map(\.value.dispute), [true, true, false])
        XCTAssertEqual(nine.errors.map(\.column), ["dispute"])
        // A header lacking a column that is not optional is still the wrong header.
        XCTAssertThrowsError(try records("", c.header, written: Array(c.header.prefix(7)), optional: c.optionalColumns))
        XCTAssertEqual(cb.accepted[1].value.urgency, .urgent)
        XCTAssertEqual(cb.errors.filter { $0.line == 4 }.map(\.column), ["department"])
        XCTAssertEqual(Set(cb.errors.filter { $0.line == 5 }.compactMap(\.column)),
                       ["urgency", "dispatch_limit", "handle_limit", "verify_limit"])
    }

    func testLocatedFormat() {
        let bad = RowError(line: 7, column: "phone", Phrase(zh: "有误", en: "bad"))
        XCTAssertEqual(bad.located(in: "w.csv"), "w.csv:7: phone: bad")
        // In Chinese the column's Chinese heading follows its code.
        XCTAssertEqual(bad.located(in: "w.csv", .zh), "w.csv:7: phone（电话）：有误")
    }
}
