import Orientation

/// The household of an intake as the person reads it in their access report: plain French, no
/// field names, no codes. The child-protection flag is left out (the exception to the right of
/// access for child protection, docs/register.md); staff keep it on the file and the decision page.
package enum HouseholdSummary {
    package static func text(_ request: OrientationRequest, sectorLabel: (String) -> String?, communeName: (String) -> String? = { _ in nil }) -> String {
        let h = request.household
        var parts = [h.adults == 1 ? "personne seule" : h.adults == 2 ? "couple" : "foyer de \(h.adults) adultes"]
        for child in h.children {
            var where_ = [child.inCharge ? "à charge" : "pas à charge"]
            if !child.livesInFrance { where_.append("vit hors de France") }
            if child.aseMeasure { where_.append("accompagné par le Département") }
            parts.append("enfant né le \(child.birthDate.frenchDescription) (\(where_.joined(separator: ", ")))")
        }
        if h.pregnant { parts.append("grossesse en cours") }
        if h.requestConcernsChild { parts.append("demande pour un enfant") }
        if h.homeless { parts.append("sans domicile") }
        if h.disability { parts.append("situation de handicap") }
        if h.rsa { parts.append("bénéficiaire du revenu de solidarité active") }
        if let sector = h.sector { parts.append("quartier : \(sectorLabel(sector) ?? sector)") }
        if !h.livesInBordeaux, let commune = h.commune { parts.append("commune : \(communeName(commune) ?? "code INSEE \(commune)")") }
        if let followed = h.alreadyFollowedBy { parts.append("déjà accompagné(e) par \(followed == .mds ? "une Maison du Département des Solidarités" : "le CCAS")") }
        return parts.joined(separator: " · ")
    }

    /// The stored household for the person's JSON copy: the same object, without the child-protection flag.
    package static func forAccessCopy(_ object: [String: Any]) -> [String: Any] {
        var copy = object
        copy.removeValue(forKey: "childInDanger")
        return copy
    }
}
