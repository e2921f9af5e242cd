import Foundation
import Testing

/// Issue 11, item 8: a paste into a field is taken in one step. 100 KB pasted into the
/// idea form's title fills it to its 200 characters and the coach answers the next key
/// at once (before, each character was a key and a redraw: minutes of work).
@Suite(.serialized) struct PasteTests {
    @Test func aHundredKilobytePasteFillsTheFieldToItsLimitInOneStep() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home), rows: 30, cols: 110)
        try tmux.waitFor("Coach · Today")
        try tmux.send("3")
        try tmux.waitFor("sorted by score ↓")
        try tmux.send("a")
        try tmux.waitFor("┌─ New idea")
        try tmux.paste("Pasted " + String(repeating: "x", count: 100_000) + "\nsecond line")
        // The field shows its end; Home shows its start, once the paste is in.
        try tmux.waitFor(timeout: 10, "the paste in the title") { $0.contains("Title             xxxxxxxx") }
        // The next key is answered: the paste is over, not queued as 100,000 keys.
        try tmux.send("Home")
        try tmux.waitFor(timeout: 10, "the title's start") { $0.contains("Title             Pasted xxxx") }
    }
}
