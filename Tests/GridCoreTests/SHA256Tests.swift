import XCTest
import GridCore

/// The pure-Swift SHA-256 the importers fingerprint files with, against published test vectors.
final class SHA256Tests: XCTestCase {
    func testSHA256KnownVectors() {
        // FIPS 180-4 examples, also `printf abc | sha256sum`.
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Two-block message (56 bytes → padding spills into a second block).
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Whole blocks read straight from the input, then the tail (values from Python's hashlib):
        // exactly two blocks; 15 whole blocks and 40 bytes more.
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 128)), "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e")
        XCTAssertEqual(SHA256.hex((0..<1000).map { UInt8(($0 * 7 + 3) % 256) }), "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371")
    }
}
