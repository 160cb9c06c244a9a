extension String {
    /// Without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    package var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}

extension Optional<String> {
    /// The text, trimmed, when it says something; nil when absent or blank.
    package var nonBlank: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
