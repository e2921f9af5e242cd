import Dispatch

/// Order statistics of a set of timings, in nanoseconds.
struct Stats {
    let sorted: [UInt64]

    init(_ samples: [UInt64]) {
        sorted = samples.sorted()
    }

    /// The value below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return Double(sorted[min(max(0, rank), sorted.count - 1)])
    }

    var median: Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[mid]) }
        return (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
    }

    var maximum: Double { Double(sorted.last ?? 0) }
}

/// Monotonic nanoseconds.
@inline(__always) func now() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

/// Fixed-point text: `format(1234.5, 1)` → "1234.5", without Foundation's String(format:).
func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    if decimals == 0 { return "\(scaled)" }
    let whole = scaled / Int(scale)
    var fraction = "\(abs(scaled % Int(scale)))"
    while fraction.count < decimals { fraction = "0" + fraction }
    return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
}
