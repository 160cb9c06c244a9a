import Orientation

extension RoutingDecision {
    /// The reasons as a viewer reads them: without the CRIP alert unless they may see it.
    package func reasons(showingAlert: Bool) -> [String] {
        firedRules.filter { showingAlert || $0.rule != .alertCRIP }.map(\.reason)
    }
}

extension OrientationRecord {
    /// The stored suggestions as a viewer reads them: without the CRIP alert unless they may see it.
    package func suggestions(showingAlert: Bool) -> [String] {
        showingAlert ? suggestions : suggestions.filter { $0 != Suggestion.crip.rawValue }
    }

    /// The stored reasons as a viewer reads them: without the CRIP alert unless they may see it.
    /// Rows recorded before the rules were kept are matched on the alert's opening word.
    package func reasons(showingAlert: Bool) -> [String] {
        guard !showingAlert else { return reasons }
        if rules.count == reasons.count { return zip(rules, reasons).filter { $0.0 != .alertCRIP }.map(\.1) }
        return reasons.filter { !$0.hasPrefix("ALERTE") }
    }
}
