/// The experiment's published figures, the reference column of the bilan: the bilan of the shared
/// reception from October 2022 to March 2023, in Annexe 4 of the convention (« Bilan quantitatif »).
/// Only what the text states; « plus de la moitié » stays words, not a number.
package enum BilanReference {
    package static let period = "octobre 2022 – mars 2023 (6 mois)"
    package static let source = "Convention territoriale d'exercice concerté des compétences, annexe 4 : bilan de l'expérimentation"

    /// Key of a bilan figure → what the experiment's bilan says of it.
    package static let figures: [String: String] = [
        "familles_mds_cite": "155",
        "familles_mds_cite_connues": "plus de la moitié",
        "familles_mds_cite_nouvelles": "78",
        "recus_ccas_mds_sans_enfant_mineur": "421",
        "part_seances_ccas_mds": "37 %",
        "part_66_ccas_mds": "29 %",
        "part_66_accueils": "17 % (accueils 2022)",
    ]

    /// The main motives the experiment found on both sides, in its order.
    package static let motives = "le logement et l'accès aux droits en premier lieu, puis l'écoute, l'information et l'orientation, et le budget (demandes d'aides financières)"

    /// Its vigilance points, for the managers to start from.
    package static let vigilance = "le suivi et l'évaluation de certains publics (les seniors notamment) et procédures (la prévention des expulsions)"
}
