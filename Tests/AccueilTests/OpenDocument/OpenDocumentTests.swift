import CZlib
import Foundation
import Testing
@testable import OpenDocument

/// The .odt writer, checked from the outside: the archive is read back by a ZIP reader written
/// here from the specification (not by the code under test), its entries are inflated by zlib and
/// their checksums recomputed independently; when Python is installed, its `zipfile` module and
/// XML parser read the file as a third party would.
@Suite struct OpenDocumentTests {
    static let mediaType = "application/vnd.oasis.opendocument.text"
    static let expectedNames = ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]

    /// A small document using every kind of block.
    static func sample() -> OpenDocumentText {
        var document = OpenDocumentText(title: "Bilan d’activité — 1er semestre")
        document.heading("Bilan d’activité", level: 1)
        document.paragraph("Accueils réalisés du 1er janvier au 30 juin.\nChiffres arrêtés au 1er juillet.")
        document.heading("Par site", level: 2)
        document.table(caption: "Tableau 1 — Accueils par site",
                       header: ["Site", "Accueils", "Part"],
                       rows: [["CCAS Cité municipale", "412", "48 %"], ["MDS Bastide", "251", "29 %"], ["MDS Lac", "196", "23 %"]],
                       numericColumns: [1, 2])
        document.note("Les effectifs de moins de cinq personnes ne sont pas publiés.")
        document.pageBreak()
        document.heading("Annexe", level: 3)
        document.paragraph("Définitions & méthode.")
        return document
    }

    /// What a caller may well pass: nothing at all, a table without header or rows, ragged rows,
    /// empty strings, a page break at the very start and at the very end.
    static func edgeCases() -> OpenDocumentText {
        var document = OpenDocumentText(title: "", language: "en", country: "")
        document.pageBreak()
        document.paragraph("")
        document.heading("Level 7 becomes 3", level: 7)
        document.table(caption: "", header: [], rows: [])
        document.table(caption: "Ragged", header: ["A"], rows: [["1", "2", "3"], []], numericColumns: [5])
        document.note("\u{0}\u{1B}[31m")
        document.pageBreak()
        return document
    }

    // MARK: - The container

    @Test func theArchiveOpensWithTheStoredMimetypeAndItsExactBytes() throws {
        let bytes = Self.sample().archive()
        let type = Array(Self.mediaType.utf8)
        #expect(bytes.count > 30 + 8 + type.count)
        #expect(ZipReader.uint32(bytes, 0) == 0x0403_4b50)
        #expect(ZipReader.uint16(bytes, 8) == 0, "stored")
        #expect(ZipReader.uint16(bytes, 26) == 8, "name length")
        #expect(ZipReader.uint16(bytes, 28) == 0, "no extra field")
        #expect(ZipReader.uint32(bytes, 18) == UInt32(type.count), "compressed size")
        #expect(ZipReader.uint32(bytes, 22) == UInt32(type.count), "uncompressed size")
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<(38 + type.count)]) == type)
    }

    @Test func theCentralDirectoryListsEveryEntryWithItsChecksumAndSizes() throws {
        let archive = try ZipReader(Self.sample().archive())
        #expect(archive.entries.map(\.name) == Self.expectedNames)
        for entry in archive.entries {
            #expect(entry.flags & (1 << 11) != 0, "\(entry.name): UTF-8 name flag")
            #expect(entry.crc32 == IndependentCRC32.checksum(entry.content), "\(entry.name)")
            #expect(entry.uncompressedSize == entry.content.count, "\(entry.name)")
            #expect(entry.method == (entry.name == "mimetype" ? 0 : 8), "\(entry.name)")
        }
    }

    @Test func aDeflatedEntryInflatesBackToTheContent() throws {
        let document = Self.sample()
        let archive = try ZipReader(document.archive())
        let content = try #require(archive.entries.first { $0.name == "content.xml" })
        #expect(content.method == 8)
        #expect(content.compressedSize < content.uncompressedSize)
        #expect(content.content == Array(document.contentXML().utf8))
    }

    @Test func theSameDocumentGivesTheSameBytesAndTheDateShows() throws {
        let document = Self.sample()
        #expect(document.archive() == document.archive())
        #expect(document.archive(modified: (2026, 3, 15)) != document.archive())
        let archive = try ZipReader(document.archive(modified: (2026, 3, 15)))
        let meta = try #require(archive.text("meta.xml"))
        #expect(meta.contains("<dc:date>2026-03-15T00:00:00</dc:date>"))
        // DOS date of the local header: 46 years after 1980, March, 15th.
        #expect(archive.entries.allSatisfy { $0.dosDate == UInt16(46 << 9 | 3 << 5 | 15) })
    }

    @Test func anEntryThatDeflateCannotShrinkIsStored() throws {
        var zip = ZipArchive(modified: DOSTimestamp(year: 2026, month: 1, day: 1))
        zip.add("empty.txt", [])
        zip.add("tiny.txt", Array("a".utf8))
        zip.add("long.txt", Array(String(repeating: "abc", count: 1_000).utf8))
        let archive = try ZipReader(zip.bytes())
        #expect(archive.entries.map(\.method) == [0, 0, 8])
        #expect(archive.entries.map(\.content.count) == [0, 1, 3_000])
    }

    // MARK: - The document

    @Test func textIsEscapedAndControlCharactersAreDropped() throws {
        var document = OpenDocumentText(title: "Q&A <draft>")
        document.paragraph("a <&> b \"quoted\" 'single'\u{1}\u{7}\r\nnext line\tafter tab")
        let archive = try ZipReader(document.archive())
        let content = try #require(archive.text("content.xml"))
        #expect(content.contains("a &lt;&amp;&gt; b &quot;quoted&quot; &apos;single&apos;<text:line-break/>next line<text:tab/>after tab"))
        #expect(!content.contains("<&>"))
        #expect(!content.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let meta = try #require(archive.text("meta.xml"))
        #expect(meta.contains("<dc:title>Q&amp;A &lt;draft&gt;</dc:title>"))
    }

    @Test func runsOfSpacesSurviveAsTextSpaceElements() {
        var document = OpenDocumentText(title: "Spaces")
        document.paragraph("  two   three")
        #expect(document.contentXML().contains(#">"# + #"<text:s text:c="2"/>two <text:s text:c="2"/>three</text:p>"#))
    }

    @Test func theTableHeaderRowIsRepeatedAndFiguresAreRightAligned() throws {
        let content = try #require(try ZipReader(Self.sample().archive()).text("content.xml"))
        let headerRows = try #require(Self.between("<table:table-header-rows>", "</table:table-header-rows>", in: content))
        #expect(headerRows.contains(">Site</text:p>"))
        #expect(headerRows.contains(#"<text:p text:style-name="Numeric_Heading">Accueils</text:p>"#))
        #expect(!headerRows.contains("CCAS"))
        #expect(content.contains(#"<text:p text:style-name="Table_20_Contents">CCAS Cité municipale</text:p>"#))
        #expect(content.contains(#"<text:p text:style-name="Numeric_Contents">412</text:p>"#))
        #expect(content.contains(#"<text:p text:style-name="Caption">Tableau 1 — Accueils par site</text:p>"#))
        #expect(content.contains(#"table:number-columns-repeated="3""#))
    }

    @Test func aPageBreakMovesTheNextBlockToANewPage() {
        let content = Self.sample().contentXML()
        #expect(content.contains(#"<text:h text:style-name="Break_Heading_20_3" text:outline-level="3">Annexe</text:h>"#))
        #expect(content.contains(#"style:name="Break_Heading_20_3""#))
        #expect(content.contains(#"fo:break-before="page""#))
    }

    @Test func headingsNotesAndStylesAreWhereReadersLookForThem() throws {
        let archive = try ZipReader(Self.sample().archive())
        let content = try #require(archive.text("content.xml"))
        let styles = try #require(archive.text("styles.xml"))
        let manifest = try #require(archive.text("META-INF/manifest.xml"))
        #expect(content.contains(#"<text:h text:style-name="Heading_20_1" text:outline-level="1">Bilan d’activité</text:h>"#))
        #expect(content.contains(#"<text:p text:style-name="Note">Les effectifs"#))
        #expect(styles.contains(#"fo:page-width="21cm" fo:page-height="29.7cm""#))
        #expect(styles.contains(#"fo:margin-left="2cm""#))
        #expect(styles.contains(#"<text:page-number text:select-page="current"/>"#))
        for style in ["Heading_20_1", "Heading_20_2", "Heading_20_3", "Text_20_body", "Note", "Table_20_Contents", "Table_20_Heading"] {
            #expect(styles.contains(#"style:name="\#(style)""#), "\(style)")
        }
        #expect(styles.contains(#"fo:language="fr" fo:country="FR""#))
        for name in ["content.xml", "styles.xml", "meta.xml"] {
            #expect(try #require(archive.text(name)).contains(#"office:version="1.3""#), "\(name)")
            #expect(manifest.contains(#"manifest:full-path="\#(name)" manifest:media-type="text/xml""#), "\(name)")
        }
        #expect(manifest.contains(#"manifest:full-path="/" manifest:version="1.3" manifest:media-type="\#(Self.mediaType)""#))
    }

    @Test func edgeCasesStillMakeWellFormedTables() throws {
        let archive = try ZipReader(Self.edgeCases().archive())
        #expect(archive.entries.map(\.name) == Self.expectedNames)
        let content = try #require(archive.text("content.xml"))
        #expect(content.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(content.contains(#"<text:p text:style-name="Break_Text_20_body"/>"#), "the leading break goes to the first block")
        #expect(content.contains(#"<text:h text:style-name="Heading_20_3" text:outline-level="3">"#))
        // Neither header nor rows: no header rows element, and one empty cell, as the schema
        // wants at least a column and a row.
        #expect(content.components(separatedBy: "<table:table-header-rows>").count - 1 == 1)
        #expect(content.contains(#"table:number-columns-repeated="1""#))
        // Ragged rows are padded to the widest row, the header included: 3 rows of 3.
        #expect(content.contains(#"table:number-columns-repeated="3""#))
        #expect(content.components(separatedBy: "<table:table-cell ").count - 1 == 1 + 3 * 3)
        #expect(content.contains(#"<text:p text:style-name="Note">[31m</text:p>"#))
        #expect(content.hasSuffix(#"<text:p text:style-name="Break_Text_20_body"/>\#n</office:text>\#n</office:body>\#n</office:document-content>\#n"#),
                "a final break still makes a new page")
        let meta = try #require(archive.text("meta.xml"))
        #expect(meta.contains("<dc:title></dc:title>") && meta.contains("<dc:language>en</dc:language>"))
    }

    @Test func aLanguageCodeTheSchemaRefusesIsLeftOutAndAnImpossibleDateIsClamped() throws {
        let document = OpenDocumentText(title: "Locale", language: "fr_FR", country: "FR")
        let archive = try ZipReader(document.archive(modified: (2026, 2, 30)))
        let styles = try #require(archive.text("styles.xml")), meta = try #require(archive.text("meta.xml"))
        #expect(!styles.contains("fo:language") && !styles.contains("fo:country"))
        #expect(!meta.contains("dc:language"))
        #expect(meta.contains("<dc:date>2026-02-28T00:00:00</dc:date>"))
        #expect(archive.entries.allSatisfy { $0.dosDate == UInt16(46 << 9 | 2 << 5 | 28) })
        #expect(try #require(ZipReader(OpenDocumentText(title: "Locale", country: "").archive()).text("meta.xml"))
            .contains("<dc:language>fr</dc:language>"))
    }

    @Test func twoHundredRowsStillMakeAValidArchive() throws {
        var document = OpenDocumentText(title: "Liste")
        let rows = (1...200).map { ["Personne \($0)", "\($0 * 7)", "Ligne <\($0)> & suite"] }
        document.table(caption: "Toutes les lignes", header: ["Nom", "Nombre", "Remarque"], rows: rows, numericColumns: [1])
        let archive = try ZipReader(document.archive())
        #expect(archive.entries.map(\.name) == Self.expectedNames)
        for entry in archive.entries {
            #expect(entry.crc32 == IndependentCRC32.checksum(entry.content), "\(entry.name)")
        }
        let content = try #require(archive.text("content.xml"))
        #expect(content.components(separatedBy: "<table:table-row>").count - 1 == 201)
        #expect(content.contains("Ligne &lt;200&gt; &amp; suite"))
    }

    // MARK: - A reader that is not ours

    @Test(.enabled(if: PythonZipfile.isAvailable, "python3 with zipfile is not installed"))
    func pythonZipfileReadsTheArchiveAndItsXMLParses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("odt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, document) in [("sample", Self.sample()), ("edge-cases", Self.edgeCases())] {
            let file = directory.appendingPathComponent("\(name).odt")
            try Data(document.archive()).write(to: file)
            try Self.readWithPython(file)
        }
    }

    private static func readWithPython(_ file: URL) throws {
        let listing = try PythonZipfile.run(
            "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(z.namelist())", file.path)
        #expect(listing.status == 0, "\(listing.output)")
        #expect(listing.output.contains("'mimetype', 'content.xml'"))

        let parsing = try PythonZipfile.run("""
            import zipfile,sys,xml.dom.minidom
            z=zipfile.ZipFile(sys.argv[1])
            assert z.infolist()[0].filename == 'mimetype' and z.infolist()[0].compress_type == zipfile.ZIP_STORED
            for n in z.namelist():
                if n.endswith('.xml'): xml.dom.minidom.parseString(z.read(n))
            """, file.path)
        #expect(parsing.status == 0, "\(parsing.output)")
    }

    /// `ODT_SAMPLE_PATH=/tmp/sample.odt swift test …` leaves the sample document there, to open by hand.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ODT_SAMPLE_PATH"] != nil, "ODT_SAMPLE_PATH is not set"))
    func theSampleIsWrittenWhereAsked() throws {
        let path = try #require(ProcessInfo.processInfo.environment["ODT_SAMPLE_PATH"])
        try Data(Self.sample().archive()).write(to: URL(fileURLWithPath: path))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}

/// A minimal ZIP reader following APPNOTE: the end record, then the central directory, then each
/// local header it points to. It checks that local and central headers agree.
struct ZipReader {
    struct Entry {
        let name: String
        let flags: UInt16
        let method: UInt16
        let dosDate: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        /// Inflated when the entry is deflated.
        let content: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        // With no archive comment, the end record is the last 22 bytes.
        let end = bytes.count - 22
        guard end >= 0, Self.uint32(bytes, end) == 0x0605_4b50 else { throw Malformed(description: "no end record") }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        var offset = Int(Self.uint32(bytes, end + 16))
        guard offset + directorySize == end else { throw Malformed(description: "central directory does not end at the end record") }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard Self.uint32(bytes, offset) == 0x0201_4b50 else { throw Malformed(description: "bad central header at \(offset)") }
            let flags = Self.uint16(bytes, offset + 8), method = Self.uint16(bytes, offset + 10)
            let dosDate = Self.uint16(bytes, offset + 14)
            let crc = Self.uint32(bytes, offset + 16)
            let compressed = Int(Self.uint32(bytes, offset + 20)), uncompressed = Int(Self.uint32(bytes, offset + 24))
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30)), commentLength = Int(Self.uint16(bytes, offset + 32))
            let local = Int(Self.uint32(bytes, offset + 42))
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            offset += 46 + nameLength + extraLength + commentLength

            guard Self.uint32(bytes, local) == 0x0403_4b50,
                  Self.uint16(bytes, local + 6) == flags, Self.uint16(bytes, local + 8) == method,
                  Self.uint32(bytes, local + 14) == crc,
                  Int(Self.uint32(bytes, local + 18)) == compressed, Int(Self.uint32(bytes, local + 22)) == uncompressed,
                  Int(Self.uint16(bytes, local + 26)) == nameLength
            else { throw Malformed(description: "local header of \(name) disagrees with the central directory") }
            let dataStart = local + 30 + nameLength + Int(Self.uint16(bytes, local + 28))
            let payload = Array(bytes[dataStart..<(dataStart + compressed)])
            let content: [UInt8]
            switch method {
            case 0: content = payload
            case 8: content = try Self.inflateRaw(payload, expectedSize: uncompressed)
            default: throw Malformed(description: "unexpected method \(method) for \(name)")
            }
            entries.append(Entry(name: name, flags: flags, method: method, dosDate: dosDate, crc32: crc,
                                 compressedSize: compressed, uncompressedSize: uncompressed, content: content))
        }
        self.entries = entries
    }

    func text(_ name: String) -> String? {
        entries.first { $0.name == name }.map { String(decoding: $0.content, as: UTF8.self) }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }

    /// Raw inflate (window bits -15) into a buffer of the announced size, plus one byte to notice
    /// an entry that inflates to more than its header says.
    static func inflateRaw(_ input: [UInt8], expectedSize: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Malformed(description: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == expectedSize, stream.avail_in == 0 else {
            throw Malformed(description: "inflate status \(status), \(stream.total_out) bytes for \(expectedSize)")
        }
        output.removeLast()
        return output
    }
}

/// CRC-32 bit by bit, from the polynomial: deliberately not zlib's, which the writer uses.
private enum IndependentCRC32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}

/// Python's `zipfile`, a ZIP reader that owes nothing to this code.
private enum PythonZipfile {
    static let isAvailable: Bool = (try? run("import zipfile").status) == 0

    static func run(_ script: String, _ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
