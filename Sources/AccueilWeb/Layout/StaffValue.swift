import AccueilCore
import HTML

/// A stored value as staff read it: multi-line text keeps its lines, and an absent value says so
/// (« Non renseigné ») instead of leaving a blank or a dash.
enum StaffValue {
    static func orUnknown(_ text: String?) -> HTML {
        guard let text = text.nonBlank else { return "<span class=\"muted\">Non renseigné</span>" }
        return HTML.join(text.split(separator: "\n", omittingEmptySubsequences: false).map { "\($0)" as HTML }, separator: "<br>")
    }
}
