import Foundation

/// The language the person speaks, chosen at the intake from a list of BCP 47 tags, or « autre »
/// with the language's name. It is kept whether or not an interpreter is needed: the slip is
/// printed in that language when a translation exists, and the destination prepares the meeting.
public struct IntakeLanguage: Sendable, Equatable {
    /// A tag of `IntakeLanguage.list`, or `IntakeLanguage.other`.
    public let tag: String
    /// The name the agent typed, for « autre » only.
    public let otherName: String?

    public static let other = "autre"

    public init?(tag: String, otherName: String? = nil) {
        let name = otherName?.trimmingCharacters(in: .whitespacesAndNewlines)
        if tag == Self.other {
            guard let name, !name.isEmpty else { return nil }
            self.tag = tag
            self.otherName = name
        } else {
            guard Self.entry(tag) != nil else { return nil }
            self.tag = tag
            self.otherName = nil
        }
    }

    /// The French name, as it reads inside a sentence (« un interprète en arabe »).
    public var frenchName: String { otherName ?? Self.entry(tag)?.name ?? tag }

    public struct Entry: Sendable {
        public let tag: String
        public let name: String
        /// Other spellings met in free text written before the list existed.
        package let aliases: [String]
    }

    /// A starting list chosen by the project (no text gives one; the institutions may change it);
    /// anything else is « autre » with its name. Tags only ever get added: stored intakes keep theirs.
    public static let list: [Entry] = [
        Entry(tag: "fr", name: "français", aliases: ["francais"]),
        Entry(tag: "en", name: "anglais", aliases: ["english"]),
        Entry(tag: "es", name: "espagnol", aliases: ["castillan"]),
        Entry(tag: "pt", name: "portugais", aliases: ["brésilien", "bresilien"]),
        Entry(tag: "ar", name: "arabe", aliases: ["arabic", "arabe maghrébin", "arabe dialectal"]),
        Entry(tag: "ro", name: "roumain", aliases: []),
        Entry(tag: "uk", name: "ukrainien", aliases: []),
        Entry(tag: "ru", name: "russe", aliases: []),
        Entry(tag: "tr", name: "turc", aliases: []),
        Entry(tag: "fa", name: "persan", aliases: ["farsi"]),
        Entry(tag: "prs", name: "dari", aliases: []),
        Entry(tag: "ps", name: "pachto", aliases: ["pashto", "pachtou"]),
        Entry(tag: "ka", name: "géorgien", aliases: ["georgien"]),
        Entry(tag: "sq", name: "albanais", aliases: []),
        Entry(tag: "hy", name: "arménien", aliases: ["armenien"]),
        Entry(tag: "bg", name: "bulgare", aliases: []),
        Entry(tag: "it", name: "italien", aliases: []),
        Entry(tag: "de", name: "allemand", aliases: []),
        Entry(tag: "zh", name: "chinois", aliases: ["mandarin"]),
        Entry(tag: "bn", name: "bengali", aliases: []),
        Entry(tag: "ta", name: "tamoul", aliases: []),
        Entry(tag: "so", name: "somali", aliases: []),
        Entry(tag: "ti", name: "tigrigna", aliases: ["tigrinya"]),
        Entry(tag: "am", name: "amharique", aliases: []),
        Entry(tag: "kab", name: "kabyle", aliases: []),
        Entry(tag: "wo", name: "wolof", aliases: []),
        Entry(tag: "ff", name: "peul", aliases: ["pulaar", "fula"]),
        Entry(tag: "ln", name: "lingala", aliases: []),
        Entry(tag: "fsl", name: "langue des signes française (LSF)", aliases: ["lsf", "langue des signes"]),
    ]

    public static func entry(_ tag: String) -> Entry? { list.first { $0.tag == tag } }

    /// A free-text value from before the list: its tag when it names a listed language, else « autre ».
    public static func mapping(freeText: String) -> IntakeLanguage? {
        let key = fold(freeText)
        guard !key.isEmpty else { return nil }
        if let entry = list.first(where: { fold($0.name) == key || $0.tag == key || $0.aliases.map(fold).contains(key) }) {
            return IntakeLanguage(tag: entry.tag)
        }
        return IntakeLanguage(tag: other, otherName: freeText)
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
    }
}
