/// A text document for download (.odt, OpenDocument 1.3): headings, body paragraphs, notes, tables
/// and page breaks, in that order, on A4 pages numbered in the footer.
///
/// The model is deliberately small — what reports and lists of the application need — so that the
/// XML stays simple enough to check by eye. Everything typographic lives in named styles of
/// `styles.xml`, so a reader can restyle the whole document in a word processor.
public struct OpenDocumentText: Sendable {
    public let title: String
    /// ISO 639 language and ISO 3166 country: they choose the spell checker and hyphenation.
    /// A code that is not 1 to 8 ASCII letters (digits allowed for the country), as the schema
    /// requires, is left out of the document rather than written invalid; an empty country too.
    public let language: String
    public let country: String
    private var blocks: [Block] = []

    /// One element of the body, in document order.
    enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        case note(String)
        case table(caption: String, header: [String], rows: [[String]], numericColumns: Set<Int>)
        case pageBreak
    }

    public init(title: String, language: String = "fr", country: String = "FR") {
        self.title = title
        self.language = language
        self.country = country
    }

    /// A heading of level 1 to 3; other levels are clamped to that range rather than refused.
    public mutating func heading(_ text: String, level: Int) {
        blocks.append(.heading(text, level: min(max(level, 1), 3)))
    }

    /// Body text; each "\n" inside becomes a line break within the same paragraph.
    public mutating func paragraph(_ text: String) {
        blocks.append(.paragraph(text))
    }

    /// A remark in smaller, grey type: sources, caveats, the legal mentions under a table.
    public mutating func note(_ text: String) {
        blocks.append(.note(text))
    }

    /// A table under a caption paragraph. The header row is repeated at the top of every page the
    /// table spans; the cells of `numericColumns` (zero-based) are right-aligned so that figures
    /// line up. Rows shorter than the widest are padded with empty cells.
    public mutating func table(caption: String, header: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        blocks.append(.table(caption: caption, header: header, rows: rows, numericColumns: numericColumns))
    }

    /// Starts the next block on a new page.
    public mutating func pageBreak() {
        blocks.append(.pageBreak)
    }

    /// The .odt file. `modified` dates both the ZIP entries and the metadata, and is fixed by the
    /// caller so that the same document always gives the same bytes. An impossible date is moved
    /// to the nearest one that ZIP (1980–2107) and xsd:dateTime both accept.
    public func archive(modified: (year: Int, month: Int, day: Int) = (2026, 1, 1)) -> [UInt8] {
        let (year, month, day) = Self.clamped(modified)
        let date = Self.isoDate(year: year, month: month, day: day)
        var zip = ZipArchive(modified: DOSTimestamp(year: year, month: month, day: day))
        // ODF 1.3 part 2, 3.3: `mimetype` first and stored, so its bytes sit at offset 38.
        zip.add("mimetype", Array(Self.mediaType.utf8), method: .stored)
        zip.add("content.xml", Array(contentXML().utf8))
        zip.add("styles.xml", Array(stylesXML().utf8))
        zip.add("meta.xml", Array(metaXML(date: date).utf8))
        zip.add("META-INF/manifest.xml", Array(manifestXML().utf8))
        return zip.bytes()
    }

    static let mediaType = "application/vnd.oasis.opendocument.text"
}

// MARK: - content.xml

extension OpenDocumentText {
    func contentXML() -> String {
        var body = ""
        var breakBeforeNext = false
        var tableCount = 0
        for block in blocks {
            // A page break is carried by the next paragraph's style (fo:break-before), not by an
            // empty paragraph, so that the new page does not start with a blank line.
            let prefix = breakBeforeNext ? "Break_" : ""
            if case .pageBreak = block {
                breakBeforeNext = true
                continue
            }
            breakBeforeNext = false
            switch block {
            case let .heading(text, level):
                body += #"<text:h text:style-name="\#(prefix)Heading_20_\#(level)" text:outline-level="\#(level)">"#
                    + ODFText.inline(text) + "</text:h>\n"
            case let .paragraph(text):
                body += ODFText.paragraph(text, style: prefix + "Text_20_body")
            case let .note(text):
                body += ODFText.paragraph(text, style: prefix + "Note")
            case let .table(caption, header, rows, numericColumns):
                tableCount += 1
                body += ODFText.paragraph(caption, style: prefix + "Caption")
                body += tableXML(number: tableCount, header: header, rows: rows, numericColumns: numericColumns)
            case .pageBreak:
                break
            }
        }
        if breakBeforeNext {
            // A break asked for last: an empty paragraph on a page of its own, as the caller wanted.
            body += #"<text:p text:style-name="Break_Text_20_body"/>"# + "\n"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(ODFNamespaces.forContent) office:version="1.3">
        <office:automatic-styles>
        \(Self.contentAutomaticStyles)</office:automatic-styles>
        <office:body>
        <office:text>
        \(body)</office:text>
        </office:body>
        </office:document-content>

        """
    }

    private func tableXML(number: Int, header: [String], rows: [[String]], numericColumns: Set<Int>) -> String {
        // A table needs at least one column to be valid, even with neither header nor rows.
        let columnCount = max(1, rows.reduce(header.count) { max($0, $1.count) })
        func row(_ cells: [String], cellStyle: String, textStyle: String, numericTextStyle: String) -> String {
            var xml = "<table:table-row>"
            for column in 0..<columnCount {
                let text = column < cells.count ? cells[column] : ""
                let style = numericColumns.contains(column) ? numericTextStyle : textStyle
                xml += #"<table:table-cell table:style-name="\#(cellStyle)" office:value-type="string">"#
                    + ODFText.paragraph(text, style: style, newline: false) + "</table:table-cell>"
            }
            return xml + "</table:table-row>\n"
        }
        // The schema wants at least one row: a table with neither header nor rows gets an empty one.
        let bodyRows = header.isEmpty && rows.isEmpty ? [[]] : rows
        var xml = #"<table:table table:name="Table\#(number)" table:style-name="Table">"# + "\n"
        xml += #"<table:table-column table:style-name="Table.Column" table:number-columns-repeated="\#(columnCount)"/>"# + "\n"
        if !header.isEmpty {
            // Readers repeat table-header-rows at the top of each page the table runs onto.
            xml += "<table:table-header-rows>\n"
            xml += row(header, cellStyle: "Table.HeaderCell", textStyle: "Table_20_Heading", numericTextStyle: "Numeric_Heading")
            xml += "</table:table-header-rows>\n"
        }
        for cells in bodyRows {
            xml += row(cells, cellStyle: "Table.Cell", textStyle: "Table_20_Contents", numericTextStyle: "Numeric_Contents")
        }
        return xml + "</table:table>\n"
    }

    /// Styles that belong to this document's content rather than to its look: the page-break
    /// variants, right alignment of figures, and the table geometry.
    private static let contentAutomaticStyles: String = {
        var xml = ""
        for parent in ["Heading_20_1", "Heading_20_2", "Heading_20_3", "Text_20_body", "Note", "Caption"] {
            xml += #"<style:style style:name="Break_\#(parent)" style:family="paragraph" style:parent-style-name="\#(parent)">"#
                + #"<style:paragraph-properties fo:break-before="page"/></style:style>"# + "\n"
        }
        for (name, parent) in [("Numeric_Contents", "Table_20_Contents"), ("Numeric_Heading", "Table_20_Heading")] {
            xml += #"<style:style style:name="\#(name)" style:family="paragraph" style:parent-style-name="\#(parent)">"#
                + #"<style:paragraph-properties fo:text-align="end"/></style:style>"# + "\n"
        }
        xml += """
        <style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0cm" fo:margin-bottom="0.4cm"/></style:style>
        <style:style style:name="Table.Column" style:family="table-column"><style:table-column-properties style:rel-column-width="1000*"/></style:style>
        <style:style style:name="Table.Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080"/></style:style>
        <style:style style:name="Table.HeaderCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #808080" fo:background-color="#e6e6e6"/></style:style>

        """
        return xml
    }()
}

// MARK: - styles.xml, meta.xml, manifest.xml

extension OpenDocumentText {
    func stylesXML() -> String {
        var locale = ""
        if let language = validLanguage {
            locale += #" fo:language="\#(language)""#
            if let country = validCountry { locale += #" fo:country="\#(country)""# }
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(ODFNamespaces.forStyles) office:version="1.3">
        <office:font-face-decls>
        <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
        </office:font-face-decls>
        <office:styles>
        <style:default-style style:family="paragraph">
        <style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
        <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt"\(locale)/>
        </style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
        <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
        <style:text-properties fo:font-size="17pt" fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
        <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text">
        <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
        <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/>
        </style:style>
        <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:text-properties fo:font-size="8.5pt" fo:color="#595959"/>
        </style:style>
        <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
        <style:paragraph-properties fo:margin-top="0.21cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
        <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
        <style:text-properties fo:font-size="9.5pt"/>
        </style:style>
        <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
        <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
        <style:paragraph-properties fo:text-align="center"/>
        <style:text-properties fo:font-size="8.5pt" fo:color="#595959"/>
        </style:style>
        </office:styles>
        <office:automatic-styles>
        <style:page-layout style:name="A4">
        <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
        <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style>
        </style:page-layout>
        </office:automatic-styles>
        <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="A4">
        <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>
        </style:master-page>
        </office:master-styles>
        </office:document-styles>

        """
    }

    func metaXML(date: String) -> String {
        // RFC 5646 tag, as dc:language expects: "fr-FR", or "fr" when there is no valid country.
        var languageElement = ""
        if let language = validLanguage {
            let tag = validCountry.map { language + "-" + $0 } ?? language
            languageElement = "<dc:language>\(tag)</dc:language>\n"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(ODFNamespaces.forMeta) office:version="1.3">
        <office:meta>
        <meta:generator>Accueil commun</meta:generator>
        <dc:title>\(ODFText.escaped(title))</dc:title>
        \(languageElement)<meta:creation-date>\(date)</meta:creation-date>
        <dc:date>\(date)</dc:date>
        </office:meta>
        </office:document-meta>

        """
    }

    /// Lists every file of the package but `mimetype` and the manifest itself, which ODF 1.3
    /// part 2, 4.3 leaves out; "/" stands for the package as a whole and carries its type.
    func manifestXML() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(Self.mediaType)"/>
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>

        """
    }

    /// `language` if it matches the schema's languageCode, [A-Za-z]{1,8}.
    private var validLanguage: String? {
        Self.isCode(language, allowingDigits: false) ? language : nil
    }

    /// `country` if it matches the schema's countryCode, [A-Za-z0-9]{1,8}.
    private var validCountry: String? {
        Self.isCode(country, allowingDigits: true) ? country : nil
    }

    private static func isCode(_ code: String, allowingDigits: Bool) -> Bool {
        (1...8).contains(code.utf8.count) && code.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (allowingDigits && byte >= 0x30 && byte <= 0x39)
        }
    }

    private static func clamped(_ date: (year: Int, month: Int, day: Int)) -> (Int, Int, Int) {
        let year = min(max(date.year, 1980), 2107)
        let month = min(max(date.month, 1), 12)
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLength = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (year, month, min(max(date.day, 1), monthLength))
    }

    /// "2026-01-01T00:00:00", the xsd:dateTime of the metadata, without pulling in a date library.
    private static func isoDate(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(max(value, 0))
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T00:00:00"
    }
}

// MARK: - Text

/// The XML namespaces each root element declares: only those its content uses.
enum ODFNamespaces {
    private static let office = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#
    private static let style = #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#
    private static let text = #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#
    private static let table = #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#
    private static let fo = #"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0""#
    private static let svg = #"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#
    private static let meta = #"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0""#
    private static let dc = #"xmlns:dc="http://purl.org/dc/elements/1.1/""#

    static let forContent = [office, style, text, table, fo].joined(separator: " ")
    static let forStyles = [office, style, text, table, fo, svg].joined(separator: " ")
    static let forMeta = [office, meta, dc].joined(separator: " ")
}

/// Turning the caller's strings into ODF text content.
enum ODFText {
    /// A `text:p` of `style` holding `text`.
    static func paragraph(_ text: String, style: String, newline: Bool = true) -> String {
        let content = inline(text)
        let xml = content.isEmpty
            ? #"<text:p text:style-name="\#(style)"/>"#
            : #"<text:p text:style-name="\#(style)">"# + content + "</text:p>"
        return newline ? xml + "\n" : xml
    }

    /// Escaped text in which what ODF would otherwise collapse or lose is spelled out: "\n" as
    /// `text:line-break`, tabs as `text:tab`, and runs of spaces as `text:s` — ODF, like HTML,
    /// folds consecutive white space into one space.
    static func inline(_ text: String) -> String {
        var xml = ""
        var pendingSpaces = 0
        var atStart = true
        func flushSpaces() {
            guard pendingSpaces > 0 else { return }
            // One literal space survives between words; leading ones and the rest need text:s.
            var count = pendingSpaces
            if !atStart { xml += " "; count -= 1 }
            if count == 1 { xml += "<text:s/>" } else if count > 1 { xml += #"<text:s text:c="\#(count)"/>"# }
            pendingSpaces = 0
        }
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case " ":
                pendingSpaces += 1
                continue
            case "\n":
                flushSpaces(); xml += "<text:line-break/>"; atStart = true
                continue
            case "\t":
                flushSpaces(); xml += "<text:tab/>"; atStart = false
                continue
            default:
                flushSpaces()
                xml += escaped(scalar)
                atStart = false
            }
        }
        // Trailing spaces would be dropped too: keep them as text:s.
        if pendingSpaces > 0 {
            xml += pendingSpaces == 1 ? "<text:s/>" : #"<text:s text:c="\#(pendingSpaces)"/>"#
        }
        return xml
    }

    /// Escaped for element content and attribute values alike, control characters dropped.
    static func escaped(_ text: String) -> String {
        var xml = ""
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            xml += escaped(scalar)
        }
        return xml
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&apos;"
        default: String(scalar)
        }
    }

    /// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF outright, and a carriage return or a
    /// C1 control pasted into a form is never meant as content: only tab and newline are kept.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" { return true }
        if scalar.properties.generalCategory == .control { return false }
        return scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}
