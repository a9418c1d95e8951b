import Foundation

/// Inline SVG charts for the bulletin: no script, no external reference, text drawn as SVG text so a
/// printout keeps it. Every chart is drawn in a 680-unit-wide view box (the printable width of A4 at
/// 96 dpi) and scales with the page.
enum SVGChart {
    /// The palette: on time, late, open / not met, neutral, met.
    static let green = "#2e7d32", amber = "#e0a100", red = "#c62828", grey = "#9e9e9e", blue = "#1565c0", light = "#eeeeee"

    /// One horizontal stacked bar per row, each segment a (value, colour); `label` left of the bar, `note` right of it.
    struct StackedRow {
        let label: String
        let segments: [(value: Int, colour: String)]
        let note: String
        /// A group heading (a platform): its label in bold across the row, no bar.
        var heading = false
    }

    /// Horizontal stacked bars, scaled to the largest row total; the figures stand in `note` beside each bar.
    static func stackedBars(_ rows: [StackedRow], title: String) -> String {
        let width = 680.0, labelWidth = 140.0, noteWidth = 190.0, rowHeight = 20.0, top = 6.0
        let barWidth = width - labelWidth - noteWidth - 10
        let maxTotal = max(1, rows.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        let height = top + rowHeight * Double(rows.count) + 6
        var out = svgOpen(width: width, height: height, title: title)
        for (i, r) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            if r.heading {
                out += "<text x=\"2\" y=\"\(f(y + 15))\" font-size=\"11\" font-weight=\"bold\" fill=\"#222\">\(HTMLText.escape(r.label))</text>"
                continue
            }
            out += text(x: labelWidth - 6, y: y + 15, r.label, anchor: "end", size: 11)
            var x = labelWidth
            for s in r.segments where s.value > 0 {
                let w = barWidth * Double(s.value) / Double(maxTotal)
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 4))\" width=\"\(f(w))\" height=\"14\" fill=\"\(s.colour)\"/>"
                x += w
            }
            out += text(x: labelWidth + barWidth + 8, y: y + 15, r.note, anchor: "start", size: 10)
        }
        return out + "</svg>"
    }

    /// Two or more lines over the same steps, with each point's value written above it.
    static func lines(steps: [String], series: [(name: String, colour: String, values: [Int])], title: String) -> String {
        let width = 680.0, height = 230.0, left = 40.0, right = 20.0, top = 24.0, bottom = 40.0
        let maxValue = max(1, series.flatMap(\.values).max() ?? 1)
        let n = max(steps.count, 1)
        let dx = n > 1 ? (width - left - right) / Double(n - 1) : 0
        func px(_ i: Int) -> Double { n > 1 ? left + dx * Double(i) : (width / 2) }
        func py(_ v: Int) -> Double { top + (height - top - bottom) * (1 - Double(v) / Double(maxValue)) }
        var out = svgOpen(width: width, height: height, title: title)
        out += "<line x1=\"\(f(left))\" y1=\"\(f(py(0)))\" x2=\"\(f(width - right))\" y2=\"\(f(py(0)))\" stroke=\"#777\" stroke-width=\"1\"/>"
        for (i, s) in steps.enumerated() { out += text(x: px(i), y: height - bottom + 16, s, anchor: "middle", size: 10) }
        for (k, s) in series.enumerated() {
            let points = s.values.enumerated().map { "\(f(px($0.offset))),\(f(py($0.element)))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2\"/>"
            for (i, v) in s.values.enumerated() {
                out += "<circle cx=\"\(f(px(i)))\" cy=\"\(f(py(v)))\" r=\"3\" fill=\"\(s.colour)\"/>"
                // The two series' labels sit on opposite sides of the point so they do not overprint.
                out += text(x: px(i), y: py(v) + (k == 0 ? -7 : 15), String(v), anchor: "middle", size: 10, fill: s.colour)
            }
            // Legend.
            let lx = left + Double(k) * 160
            out += "<rect x=\"\(f(lx))\" y=\"\(f(height - 14))\" width=\"12\" height=\"4\" fill=\"\(s.colour)\"/>"
            out += text(x: lx + 16, y: height - 9, s.name, anchor: "start", size: 10)
        }
        return out + "</svg>"
    }

    /// Vertical bars of a distribution, each with its count above and its bin below; `markAfter` draws a
    /// dashed line after that bin (the target).
    static func histogram(bins: [(label: String, count: Int, met: Bool)], markLabel: String, title: String) -> String {
        let width = 330.0, height = 190.0, left = 10.0, top = 20.0, bottom = 40.0
        let n = max(bins.count, 1)
        let slot = (width - 2 * left) / Double(n)
        let maxCount = max(1, bins.map(\.count).max() ?? 1)
        var out = svgOpen(width: width, height: height, title: title)
        for (i, b) in bins.enumerated() {
            let h = (height - top - bottom) * Double(b.count) / Double(maxCount)
            let x = left + slot * Double(i) + 6, y = height - bottom - h
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot - 12))\" height=\"\(f(h))\" fill=\"\(b.met ? green : amber)\"/>"
            out += text(x: x + (slot - 12) / 2, y: y - 4, String(b.count), anchor: "middle", size: 11)
            out += text(x: x + (slot - 12) / 2, y: height - bottom + 14, b.label, anchor: "middle", size: 9)
        }
        out += "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - left))\" y2=\"\(f(height - bottom))\" stroke=\"#777\"/>"
        out += text(x: width / 2, y: height - 8, markLabel, anchor: "middle", size: 9, fill: "#555")
        return out + "</svg>"
    }

    /// One small map: each placed grid a square at its (row, col), filled by `colour(code)`, labelled with
    /// the last part of its code.
    static func smallMap(cells: [(code: String, row: Int, col: Int, colour: String)], title: String) -> String {
        let size = 30.0, gap = 3.0, top = 18.0
        let rows = (cells.map(\.row).max() ?? 0) + 1, cols = (cells.map(\.col).max() ?? 0) + 1
        let width = max(120, Double(cols) * (size + gap) + gap), height = top + Double(rows) * (size + gap) + gap
        var out = svgOpen(width: width, height: height, title: title)
        out += text(x: 2, y: 12, title, anchor: "start", size: 11)
        for c in cells {
            let x = gap + Double(c.col) * (size + gap), y = top + Double(c.row) * (size + gap)
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(size))\" height=\"\(f(size))\" fill=\"\(c.colour)\"/>"
            let short = c.code.split(separator: "-").suffix(2).joined(separator: "-")
            out += text(x: x + size / 2, y: y + size / 2 + 3, short, anchor: "middle", size: 8, fill: "#fff")
        }
        return out + "</svg>"
    }

    static func svgOpen(width: Double, height: Double, title: String) -> String {
        "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\"><title>\(HTMLText.escape(title))</title>"
    }

    static func text(x: Double, y: Double, _ s: String, anchor: String, size: Int, fill: String = "#222") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\">\(HTMLText.escape(s))</text>"
    }

    /// A coordinate with at most one decimal.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// Escaping for text that goes into HTML, SVG or a CSS string.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters (C0, C1, DEL) and bidirectional overrides
    /// shown as `\u{…}` so stored text can neither break the markup nor reorder what is printed.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isUnsafe(u) { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// A CSS string literal's content (for `content:` in the page's running header).
    static func cssString(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == "\"" || u == "\\" { out += "\\" + String(u) } else if isUnsafe(u) || u == "\n" { out += " " } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
