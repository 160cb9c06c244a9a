import CCurl
import Foundation

/// Sends one mail through an SMTP relay with libcurl: `smtp://host:port` (STARTTLS required, tried or
/// not used, as configured) or `smtps://` (TLS from the start), with authentication when a user is
/// given. Blocking: the queue's worker calls it off the request path.
public struct SMTPClient: Sendable {
    public enum TLS: String, Sendable, CaseIterable {
        /// STARTTLS must succeed, or nothing is sent.
        case require
        /// STARTTLS when the relay offers it.
        case attempt = "try"
        /// Plain SMTP (a relay on the same machine or a test server).
        case none
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let url: String
    public let tls: TLS
    public let user: String?
    public let password: String?
    public let timeoutSeconds: Int

    public init(url: String, tls: TLS, user: String?, password: String?, timeoutSeconds: Int = 30) {
        self.url = url
        self.tls = tls
        self.user = user
        self.password = password
        self.timeoutSeconds = timeoutSeconds
    }

    /// Whether a setting names a relay this client can use.
    public static func isValidURL(_ text: String) -> Bool {
        // Credentials never ride in the URL (it is logged and shown in errors): --smtp-user and the
        // password's environment variable carry them.
        guard let url = URL(string: text), let scheme = url.scheme, ["smtp", "smtps"].contains(scheme), url.host?.isEmpty == false,
              url.user == nil, url.password == nil else { return false }
        return true
    }

    public func send(_ message: MailMessage) throws {
        guard let curl = curl_easy_init() else { throw Failure(description: "libcurl indisponible") }
        defer { curl_easy_cleanup(curl) }
        let source = Source(bytes: message.rendered())
        let context = Unmanaged.passRetained(source)
        defer { context.release() }
        let recipients = curl_slist_append(nil, "<\(MailMessage.headerSafe(message.to))>")
        defer { curl_slist_free_all(recipients) }

        var codes: [CURLcode] = []
        codes.append(accueil_curl_set_string(curl, CURLOPT_URL, url))
        codes.append(accueil_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(MailMessage.headerSafe(message.from))>"))
        codes.append(accueil_curl_set_pointer(curl, CURLOPT_MAIL_RCPT, UnsafeMutableRawPointer(recipients)))
        codes.append(accueil_curl_set_long(curl, CURLOPT_UPLOAD, 1))
        codes.append(accueil_curl_set_read_function(curl, { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            return Unmanaged<Source>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
        }))
        codes.append(accueil_curl_set_pointer(curl, CURLOPT_READDATA, context.toOpaque()))
        codes.append(accueil_curl_set_long(curl, CURLOPT_TIMEOUT, timeoutSeconds))
        codes.append(accueil_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, min(10, timeoutSeconds)))
        codes.append(accueil_curl_set_long(curl, CURLOPT_NOSIGNAL, 1))
        let level: curl_usessl = switch tls {
        case .require: CURLUSESSL_ALL
        case .attempt: CURLUSESSL_TRY
        case .none: CURLUSESSL_NONE
        }
        codes.append(accueil_curl_set_long(curl, CURLOPT_USE_SSL, Int(level.rawValue)))
        if let user {
            codes.append(accueil_curl_set_string(curl, CURLOPT_USERNAME, user))
            codes.append(accueil_curl_set_string(curl, CURLOPT_PASSWORD, password ?? ""))
        }
        if let failed = codes.first(where: { $0 != CURLE_OK }) { throw Failure(description: String(cString: curl_easy_strerror(failed))) }
        let result = curl_easy_perform(curl)
        guard result == CURLE_OK else { throw Failure(description: String(cString: curl_easy_strerror(result))) }
    }

    /// The message's bytes, handed to libcurl piece by piece.
    final class Source: @unchecked Sendable {
        private let bytes: [UInt8]
        private var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
            let count = min(capacity, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }
}
