import Dispatch
import Foundation
import SQLiteStore

/// Sends the queued mails off the request path: every `interval`, the due ones go through `send`
/// (the SMTP client, given by the executable); each result is written back. Errors are logged by
/// kind only (never an address or a body).
/// Unchecked: the timer is configured once in `init` and only cancelled afterwards (thread-safe in Dispatch).
public final class MailWorker: @unchecked Sendable {
    public typealias Send = @Sendable (_ to: String, _ subject: String, _ body: String, _ id: String) throws -> Void
    private let timer: DispatchSourceTimer

    public init(store: Store, clock: @escaping @Sendable () -> Int64, interval: DispatchTimeInterval = .seconds(5), retryScale: Double = 1,
                send: @escaping Send) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "accueil.mail", qos: .utility))
        timer.schedule(deadline: .now() + .seconds(1), repeating: interval, leeway: .milliseconds(200))
        timer.setEventHandler {
            do {
                let due = try store.readSync { db in try MailQueue.due(db, at: clock()) }
                for mail in due {
                    do {
                        try send(mail.recipient, mail.subject, mail.body, "accueil-\(mail.id)")
                        try store.writeSync { db in try MailQueue.sent(db, id: mail.id, at: clock()) }
                    } catch {
                        FileHandle.standardError.write(Data("mail: attempt \(mail.attempts + 1) for message \(mail.id) failed\n".utf8))
                        try store.writeSync { db in try MailQueue.failed(db, mail, error: String(describing: error), at: clock(), scale: retryScale) }
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("mail: queue error \(type(of: error))\n".utf8))
            }
        }
        timer.resume()
    }

    public func cancel() { timer.cancel() }

    deinit { timer.cancel() }
}
