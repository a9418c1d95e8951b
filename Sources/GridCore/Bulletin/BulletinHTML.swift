import Foundation

/// Renders a bulletin (通报) as one self-contained HTML file: inline CSS and inline SVG, no script, no
/// external font, image or link, so it opens the same offline in any browser and prints to A4.
///
/// Each section starts a page; the running header (township, period, provisional mark) and the page
/// number come from the page's margin boxes, so they are on every printed page.
public enum BulletinHTML {
    /// The whole document.
    public static func render(_ b: Bulletin, language: Language) -> String {
        let t = BulletinText(language: language)
        let title = t.f("title", b.township, b.period.kindName(language))
        let running = b.township + " · " + b.period.name(language) + (b.provisional ? " · " + t["provisionalShort"] : "")
        var html = """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLText.escape(title + " " + b.period.name(language)))</title>
        <style>\(css(running: running, page: t["page"]))</style>
        </head>
        <body>

        """
        html += "<header class=\"cover\"><h1>\(HTMLText.escape(title))</h1>"
        html += "<p class=\"period\">\(HTMLText.escape(b.period.name(language)))</p>"
        html += "<p class=\"taken\">\(HTMLText.escape(t.f("takenAt", ISOTime.formatShort(b.takenAt, zone: b.zone), b.zone.identifier)))</p>"
        if b.provisional { html += "<p class=\"provisional\">\(HTMLText.escape(t["provisional"]))</p>" }
        html += "</header>\n"
        html += BulletinSections.headline(b, t)
        html += BulletinSections.matters(b, t)
        html += BulletinSections.compliance(b, t)
        html += BulletinSections.lists(b, t)
        html += BulletinSections.openLate(b, t)
        html += BulletinSections.method(b, t)
        return html + "</body>\n</html>\n"
    }

    /// The style sheet: screen and print, A4 with margin boxes for the running header and page numbers.
    static func css(running: String, page: String) -> String {
        let pageParts = page.components(separatedBy: "%@")
        let counter = pageParts.count == 3
            ? "\"\(HTMLText.cssString(pageParts[0]))\" counter(page) \"\(HTMLText.cssString(pageParts[1]))\" counter(pages) \"\(HTMLText.cssString(pageParts[2]))\""
            : "counter(page)"
        return """

        @page { size: A4; margin: 20mm 15mm 18mm 15mm;
          @top-left { content: "\(HTMLText.cssString(running))"; font-size: 9pt; color: #555; }
          @bottom-right { content: \(counter); font-size: 9pt; color: #555; } }
        html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
               "WenQuanYi Micro Hei", "Noto Sans", sans-serif; font-size: 10.5pt; color: #222; }
        body { max-width: 180mm; margin: 0 auto; }
        h1 { font-size: 20pt; margin: 0 0 4pt; text-align: center; }
        h2 { font-size: 14pt; border-bottom: 1.5pt solid #c62828; padding-bottom: 3pt; margin: 0 0 8pt; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; }
        .cover { margin-bottom: 10pt; }
        .period, .taken { text-align: center; margin: 2pt 0; }
        .period { font-size: 13pt; }
        .taken { color: #555; font-size: 9pt; }
        .provisional { border: 1pt solid #e0a100; background: #fff8e1; padding: 4pt 8pt; margin: 8pt 0; }
        section { break-before: page; }
        section.first { break-before: auto; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
        th, td { border: 0.5pt solid #bbb; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr, figure, .maps, .keep { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
        td.c { white-space: nowrap; }
        thead { display: table-header-group; }
        figure { margin: 6pt 0 10pt; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { font-size: 9pt; color: #444; margin-top: 3pt; }
        .figures { font-size: 9pt; color: #333; }
        .pair { display: flex; gap: 10pt; }
        .pair figure { flex: 1; }
        .maps { display: flex; gap: 10pt; flex-wrap: wrap; }
        .maps figure { flex: 1; min-width: 50mm; }
        .up { color: #2e7d32; } .down { color: #c62828; }
        ol.method li { margin: 2pt 0; }
        .red { color: #c62828; } .muted { color: #666; }

        """
    }
}
