import Foundation
import Orientation

extension OrientationRequest {
    /// An intake's household as stored: the contract's own format (`jsonText`), read back by the
    /// contract's own decoder. Nil for an information-only contact, or a text that is not a request.
    package init?(stored text: String?) {
        guard let text, let request = try? OrientationRequest(json: Data(text.utf8)) else { return nil }
        self = request
    }
}
