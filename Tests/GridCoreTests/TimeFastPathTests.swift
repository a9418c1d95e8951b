import XCTest
import Foundation
@testable import GridCore

/// The allocation-free paths of the time code give exactly what the general ones give:
/// zone offsets from the fixed tail, ISO-8601 text from the common-shape parser.
final class TimeFastPathTests: XCTestCase {
    func testShanghaiHasAFixedTailThatAgreesWithFoundation() throws {
        let zone = TownshipZone.shanghai
        let tail = try XCTUnwrap(zone.tail)
        // China's last summer time ended 1991-09-15 (02:00 CDT = 1991-09-14T17:00Z = 684 867 600).
        XCTAssertLessThanOrEqual(tail.since, 684_867_600 + 2)
        XCTAssertEqual(tail.offset, 8 * 3600)
        // During summer time (1988-07-01T00:00Z = 583 718 400) the offset was +9 h, from Foundation.
        XCTAssertEqual(zone.offset(at: Date(timeIntervalSince1970: 583_718_400)), 9 * 3600)
        var t = -1_000_000_000.0  // 1938 … 2110, steps of about 5.8 days plus odd seconds
        while t < 4_420_000_000 {
            let d = Date(timeIntervalSince1970: t)
            XCTAssertEqual(zone.offset(at: d), zone.timeZone.secondsFromGMT(for: d), "at \(t)")
            t += 500_009
        }
    }

    func testZonesWithSummerTimeHaveNoTailAndStillAgree() throws {
        let berlin = try XCTUnwrap(TownshipZone(identifier: "Europe/Berlin"))
        XCTAssertNil(berlin.tail)
        // 2026-07-01T00:00Z = 1 782 864 000 is summer: +2 h; 2026-01-01T00:00Z = 1 767 225 600 is winter: +1 h.
        XCTAssertEqual(berlin.offset(at: Date(timeIntervalSince1970: 1_782_864_000)), 7200)
        XCTAssertEqual(berlin.offset(at: Date(timeIntervalSince1970: 1_767_225_600)), 3600)
        XCTAssertEqual(TownshipZone.utc.tail?.offset, 0)
        XCTAssertEqual(TownshipZone.utc.offset(at: Date(timeIntervalSince1970: 1_782_864_000)), 0)
    }

    func testCommonShapesParseAsTheGeneralParserDoes() throws {
        let zones = [TownshipZone.shanghai, TownshipZone(identifier: "Europe/Berlin")!, TownshipZone.utc]
        let handled = [
            "2026-11-22", "2026-11-22T08:30", "2026-11-22T08:30:05", "2026-11-22T08:30:60", "2026-11-22T23:59:59Z",
            "2026-11-22T08:30z", "2026-11-22T08:30:00+08:00", "2026-11-22T08:30:00+0800", "2026-11-22T08:30+08",
            "2026-11-22T08:30:00-03:30", "2026-11-22T08:30:00+14:00", "2024-02-29T12:00:00Z", "2026-03-29T02:30",
            "1988-07-01T00:00", "0001-01-01T00:00Z",
        ]
        for zone in zones {
            for s in handled {
                if s == "2026-03-29T02:30" && zone.identifier == "Europe/Berlin" {
                    // Skipped by the clocks going forward (02:00 → 03:00): no such time, by either parser.
                    XCTAssertNil(ISOTime.parseCommon(s, zone: zone)); XCTAssertNil(ISOTime.parseGeneral(s, zone: zone))
                    continue
                }
                let fast = ISOTime.parseCommon(s, zone: zone)
                XCTAssertNotNil(fast, s)
                XCTAssertEqual(fast, ISOTime.parseGeneral(s, zone: zone), "\(s) in \(zone.identifier)")
            }
        }
        // Left to the general parser (which accepts some and rejects others; parse() gives its answer).
        let others = [
            "2026-11-22 08:30", " 2026-11-22T08:30", "2026-11-22T08:30 ", "2026-11-22T08:30:05.5Z", "2026-11-22T8:30",
            "2026-11-22T08:30:5", "2026-11-22T08:30+1", "2026-11-22T08:30+15:00", "2026-11-22T08:30:00+08:60",
            "2026-11-22T24:00", "2026-11-22T08:61", "2026-02-29", "2026-13-01T00:00", "2026-11-22T08:30:61",
            "2026-11-22T08:30:00+08:0", "2026-11-22X08:30", "２０２６-11-22", "", "2026-11-2",
        ]
        for s in others {
            XCTAssertNil(ISOTime.parseCommon(s, zone: .shanghai), s)
            XCTAssertEqual(ISOTime.parse(s, zone: .shanghai), ISOTime.parseGeneral(s, zone: .shanghai), s)
        }
        // Worked values: 08:30 in Shanghai is 00:30Z; 2026-11-22 is day 20 779 → 20 779 × 86 400 + 1 800 = 1 795 307 400.
        XCTAssertEqual(ISOTime.parse("2026-11-22T08:30", zone: .shanghai)?.timeIntervalSince1970, 1_795_307_400)
        XCTAssertEqual(ISOTime.parse("2026-11-22T08:30:00-03:30", zone: .shanghai)?.timeIntervalSince1970, 1_795_305_600 + 30_600 + 12_600)  // 08:30 + 3:30 = 12:00Z
    }

    func testFieldsAreTrimmedAndCodesCheckedAsBefore() {
        let rec = CSVRecord(line: 2, fields: ["W1", " G1\u{3000}", "\tx ", "Ünï"])
        let f = RowFields(rec, header: ["a", "b", "c", "d"])
        XCTAssertEqual(f.text("a"), "W1")
        XCTAssertEqual(f.text("b"), "G1")          // ideographic space trimmed too
        XCTAssertEqual(f.text("c"), "x")
        XCTAssertEqual(f.text("zz"), "")
        XCTAssertNil(RowFields.codeProblem("S-W00001_a.b"))
        XCTAssertNotNil(RowFields.codeProblem("W 1"))
        XCTAssertNotNil(RowFields.codeProblem("Ünï"))
        XCTAssertNotNil(RowFields.codeProblem(String(repeating: "a", count: 33)))
        XCTAssertNil(RowFields.codeProblem(String(repeating: "a", count: 32)))
        XCTAssertTrue(CSVRecord(line: 3, fields: ["", " ", "\u{3000}"]).isBlank)
        XCTAssertFalse(CSVRecord(line: 3, fields: ["", " x"]).isBlank)
    }
}
