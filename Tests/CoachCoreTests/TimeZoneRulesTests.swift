import CoachCore
import Foundation
import Testing

/// The tz database's files read by `TimeZoneRules` give the offsets Foundation's ICU
/// zones give, through every change of 1970–2045, in zones with odd rules.
@Suite("TimeZoneRules")
struct TimeZoneRulesTests {
    @Test(arguments: ["Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Sydney",
                      "Australia/Lord_Howe", "Asia/Kolkata", "Europe/Dublin", "America/St_Johns",
                      "Pacific/Chatham", "Asia/Tehran", "UTC"])
    func offsetsAgreeWithFoundation(identifier: String) {
        let ours = Zones.named(identifier)
        let foundation = Zones.foundation(ours)
        var mismatches: [String] = []
        // Every three hours from 1970 to 2045, and each side of every change Foundation knows.
        var moment = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 2_366_841_600)  // 2045-01-01
        while moment < end {
            if ours.secondsFromGMT(for: moment) != foundation.secondsFromGMT(for: moment) {
                mismatches.append("\(moment)")
            }
            moment.addTimeInterval(3 * 3_600)
        }
        var change = Date(timeIntervalSince1970: 0)
        while let next = foundation.nextDaylightSavingTimeTransition(after: change), next < end {
            for probe in [next.addingTimeInterval(-1), next] where ours.secondsFromGMT(for: probe) != foundation.secondsFromGMT(for: probe) {
                mismatches.append("change \(probe)")
            }
            change = next
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The POSIX rule a TZif file ends with, on its own, in both hemispheres.
    @Test(arguments: [("CET-1CEST,M3.5.0,M10.5.0/3", "Europe/Berlin"), ("EST5EDT,M3.2.0,M11.1.0", "America/New_York"),
                      ("AEST-10AEDT,M10.1.0,M4.1.0/3", "Australia/Sydney"), ("<-04>4<-03>,M9.1.6/24,M4.1.6/24", "America/Santiago"),
                      ("IST-5:30", "Asia/Kolkata")])
    func posixRulesAgreeWithTheirZone(rule: String, identifier: String) throws {
        let fromRule = try #require(TimeZoneRules(identifier: rule, posixRule: rule))
        let zone = Zones.named(identifier)
        var moment = Date(timeIntervalSince1970: 1_893_456_000)  // 2030-01-01
        var mismatches: [String] = []
        for _ in 0..<(4 * 365 * 8) {
            if fromRule.secondsFromGMT(for: moment) != zone.secondsFromGMT(for: moment) { mismatches.append("\(moment)") }
            moment.addTimeInterval(3 * 3_600)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func whatIsNotAZoneIsRefused() {
        #expect(TimeZoneRules(identifier: "x", tzif: Array("not a zone file".utf8)) == nil)
        #expect(TimeZoneRules(identifier: "x", tzif: Array("TZif2".utf8)) == nil, "cut short")
        #expect(TimeZoneRules(identifier: "x", posixRule: "") == nil)
        #expect(TimeZoneRules(identifier: "x", posixRule: "CET-1CEST,M3.5.0") == nil, "a start without an end")
        #expect(TimeZoneRules(identifier: "x", posixRule: "CET-1CEST,M13.5.0,M10.5.0") == nil, "month 13")
        #expect(TimeZoneRules.utc.secondsFromGMT(for: Date()) == 0)
    }
}

@Suite("Whitespace")
struct WhitespaceTests {
    /// The same members as Foundation's CharacterSets, scalar by scalar.
    @Test func agreesWithCharacterSets() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Whitespace.isSpace(scalar) != CharacterSet.whitespaces.contains(scalar)
                || Whitespace.isSpaceOrNewline(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test func trimsAsFoundationTrims() {
        for text in ["  a b  ", "\t\n x \r\n", "", "   ", "\u{3000}全角\u{3000}", "e\u{301} ", " \u{301}x", "\u{2028}line\u{85}"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.debugDescription)")
        }
        #expect(" x ".dropFirst().trimmingWhitespace() == "x", "works on substrings")
    }

    @Test func replacesAsFoundationReplaces() {
        for (text, old, new) in [("a|b||c", "|", "\\|"), ("one\r\ntwo\nthree", "\n", " "), ("\r\n\r", "\r\n", "\n"),
                                 ("|\u{301}", "|", "/"), ("none", "x", "y"), ("", "a", "b")] {
            #expect(text.replacingText(old, with: new) == text.replacingOccurrences(of: old, with: new), "\(text.debugDescription)")
        }
    }
}
