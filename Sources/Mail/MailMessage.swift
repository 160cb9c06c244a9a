import Foundation

/// One plain-text mail, written out as RFC 5322 / MIME: UTF-8 subject as an encoded word, body in
/// base64 (any text, any line length, safe through every relay).
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    /// For `Message-ID`: unique per message (the queue's row id), under the sender's domain.
    public var id: String

    public init(from: String, to: String, subject: String, body: String, id: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.id = id
    }

    /// The bytes sent after DATA. `date` is the RFC 5322 date (injectable for tests).
    public func rendered(date: Date = Date()) -> [UInt8] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "Date: \(formatter.string(from: date))",
            "From: \(Self.headerSafe(from))",
            "To: \(Self.headerSafe(to))",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Message-ID: <\(Self.headerSafe(id))@\(Self.headerSafe(domain))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody + "\r\n").utf8)
    }

    /// No line break can slip into a header (header injection).
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }
}
