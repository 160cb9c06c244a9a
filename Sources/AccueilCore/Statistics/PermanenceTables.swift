import Planning

/// The permanence figures as tables: people received in the experiment's two configurations (rows
/// of the summary), the planning's use over the period (with its comparison), and the same by host
/// site and by sending service.
package enum PermanenceTables {
    package static let breakdownIDs = ["permanences_sites", "permanences_services"]

    package static func summaryRows(_ now: PermanenceFigures, _ before: PermanenceFigures?) -> [FigureTable.Row] {
        func people(_ key: String, _ label: String, _ get: (PermanenceFigures) -> Int) -> FigureTable.Row {
            let value = get(now), old = before.map(get)
            return FigureTable.Row(key: key, label: label, value: Double(value), previousValue: old.map(Double.init), basis: value,
                                   previousBasis: old, share: nil, previousShare: nil)
        }
        var rows = [
            people("familles_mds_cite", "Familles reçues par les travailleurs sociaux de la MDS en permanence à la Cité Municipale", \.familiesAtCite),
            people("familles_mds_cite_connues", "dont déjà connues (suivies par une MDS ou déjà venues à l'accueil)", \.familiesAtCiteKnown),
            people("familles_mds_cite_nouvelles", "dont nouvelles situations", { $0.familiesAtCite - $0.familiesAtCiteKnown }),
            people("recus_ccas_mds_sans_enfant_mineur", "Personnes sans enfant mineur reçues par les travailleurs sociaux du CCAS en permanence dans les MDS",
                   \.ccasInMDSWithoutMinorChildren),
        ]
        // One of "known" / "new" masked would give the other away by subtraction from the total.
        if rows[1].isMasked || rows[2].isMasked { rows[1].forceMasked = true; rows[2].forceMasked = true }
        if rows[1].isPreviousMasked || rows[2].isPreviousMasked { rows[1].forcePreviousMasked = true; rows[2].forcePreviousMasked = true }
        // The share of the CCAS social service's permanences: shown as a percentage, hidden with its count.
        func percent(_ figures: PermanenceFigures) -> Double? {
            ActivityFigures.ratio(figures.ccasInMDSWithoutMinorChildren, figures.ccasPermanencePeople).map { ($0 * 1_000).rounded() / 10 }
        }
        var share = FigureTable.Row(key: "part_permanences_ccas",
                                    label: "soit, en % des personnes reçues dans les permanences du service social du CCAS",
                                    value: percent(now) ?? 0, previousValue: before.map { percent($0) ?? 0 },
                                    basis: now.ccasInMDSWithoutMinorChildren, previousBasis: before?.ccasInMDSWithoutMinorChildren,
                                    share: nil, previousShare: nil)
        // A percentage gives its base back: hidden too when the rest of that base is a small group.
        func others(_ figures: PermanenceFigures) -> Int { figures.ccasPermanencePeople - figures.ccasInMDSWithoutMinorChildren }
        share.forceMasked = rows[3].isMasked || Masking.hides(others(now))
        share.forcePreviousMasked = rows[3].isPreviousMasked || before.map { Masking.hides(others($0)) } == true
        rows.append(share)
        // The same share in sessions held: sessions are not people, never masked.
        func sessions(_ figures: PermanenceFigures) -> Double? {
            ActivityFigures.ratio(figures.ccasSessionsHeldInMDS, figures.ccasSessionsHeld).map { ($0 * 1_000).rounded() / 10 }
        }
        rows.append(FigureTable.Row(key: "part_seances_ccas_mds", label: "Part des séances tenues par le service social du CCAS qui l'ont été dans les MDS (%)",
                                    value: sessions(now) ?? 0, previousValue: before.map { sessions($0) ?? 0 }, basis: 0, previousBasis: nil,
                                    share: nil, previousShare: nil))
        return rows
    }

    package static func usage(_ now: PermanenceFigures, _ before: PermanenceFigures?) -> FigureTable {
        func row(_ key: String, _ label: String, people: Bool = false, _ get: (PermanenceFigures) -> Int,
                 share base: ((PermanenceFigures) -> Int)? = nil) -> FigureTable.Row {
            let value = get(now), old = before.map(get)
            func ratio(_ figures: PermanenceFigures, _ count: Int) -> Double? { base.flatMap { ActivityFigures.ratio(count, $0(figures)) } }
            return FigureTable.Row(key: key, label: label, value: Double(value), previousValue: old.map(Double.init),
                                   basis: people ? value : 0, previousBasis: people ? old : nil,
                                   share: ratio(now, value), previousShare: before.flatMap { b in old.flatMap { ratio(b, $0) } })
        }
        let scheduled: (PermanenceFigures) -> Int = { $0.total.usage.scheduled }
        var booked = row("places_reservees", "Places réservées", people: true, { $0.total.booked }, share: { $0.total.usage.placesOffered })
        booked.forceMasked = now.bookedMaskedAmongSites
        booked.forcePreviousMasked = before?.bookedMaskedAmongSites == true
        // People who came: the share is of the places booked, counting the booked people only (walk-ins took no place).
        var received = row("passages", "Personnes venues (passages)", people: true, { $0.total.received })
        received.share = ActivityFigures.ratio(now.total.received - now.total.walkIns, now.total.booked)
        received.previousShare = before.flatMap { ActivityFigures.ratio($0.total.received - $0.total.walkIns, $0.total.booked) }
        received.forceMasked = now.receivedMaskedAmongSites
        received.forcePreviousMasked = before?.receivedMaskedAmongSites == true
        var walkIns = row("passages_sans_rdv", "dont reçues sans rendez-vous", people: true, { $0.total.walkIns }, share: { $0.total.received })
        walkIns.forceMasked = received.isMasked
        walkIns.forcePreviousMasked = received.isPreviousMasked
        // The share of people who came is of the places booked: hidden with them, or it gives them back; and
        // hidden with the walk-ins, whose number it would give back (received − booked people who came).
        if booked.isMasked || walkIns.isMasked { received.share = nil }
        if booked.isPreviousMasked || walkIns.isPreviousMasked { received.previousShare = nil }
        return FigureTable(
            id: "permanences", title: "Utilisation des permanences",
            note: "Séances des permanences du planning pendant la période (part : sur les séances prévues) ; places offertes par les séances "
                + "maintenues ; places réservées par l'accueil (part : taux de réservation des places offertes) ; personnes venues, "
                + "selon la suite enregistrée par le service (une personne venue deux fois compte deux fois ; part : sur les places réservées, "
                + "sans les personnes reçues sans rendez-vous, qui n'en occupent pas).",
            rows: [
                row("seances_prevues", "Séances prévues", scheduled),
                row("seances_tenues", "Séances tenues", { $0.total.usage.held }, share: scheduled),
                row("seances_a_venir", "Séances à venir", { $0.total.usage.upcoming }, share: scheduled),
                row("seances_annulees", "Séances annulées", { $0.total.usage.cancelled }, share: scheduled),
                row("annulees_jour_ferie", "dont jour férié", { $0.total.usage.cancelledForHoliday }, share: scheduled),
                row("annulees_fermeture", "dont fermeture du site", { $0.total.usage.cancelledForClosure }, share: scheduled),
                row("annulees_absences", "dont titulaire et suppléant·e absent·es", { $0.total.usage.cancelledForStaffing }, share: scheduled),
                row("places_offertes", "Places offertes", { $0.total.usage.placesOffered }),
                booked, received, walkIns,
            ],
            chart: false, hasShare: true)
    }

    package static let columns: [BreakdownTable.Column] = [
        .init(key: "seances_prevues", label: "Séances prévues", countsPeople: false),
        .init(key: "seances_tenues", label: "Tenues", countsPeople: false),
        .init(key: "seances_annulees", label: "Annulées", countsPeople: false),
        .init(key: "places_offertes", label: "Places offertes", countsPeople: false),
        .init(key: "places_reservees", label: "Places réservées", countsPeople: true),
        .init(key: "taux_reservation", label: "Taux de réservation", countsPeople: false, isShare: true),
        .init(key: "passages", label: "Personnes venues", countsPeople: true),
    ]

    package static func values(_ group: PermanenceFigures.Group) -> [Double?] {
        let u = group.usage
        return [Double(u.scheduled), Double(u.held), Double(u.cancelled), Double(u.placesOffered), Double(group.booked),
                ActivityFigures.ratio(group.booked, u.placesOffered), Double(group.received)]
    }

    /// Whether `site`'s places booked and people received are masked in the all-sites breakdown.
    package static func masks(of site: String, in all: PermanenceFigures) -> (booked: Bool, received: Bool) {
        let table = bySite(all, names: [:])
        guard let line = table.lines.first(where: { $0.key == site }) else { return (false, false) }
        func masked(_ key: String) -> Bool { table.columns.firstIndex { $0.key == key }.map { line.cells[$0].mask != nil } ?? false }
        return (masked("places_reservees"), masked("passages"))
    }

    package static func bySite(_ figures: PermanenceFigures, names: [String: String]) -> BreakdownTable {
        let lines = figures.bySite.map { (key: $0.key, label: names[$0.key] ?? $0.key, values: values($0.value)) }
            .sorted { $0.label < $1.label }
        return BreakdownTable(id: "permanences_sites", title: "Permanences par site d'accueil", note: "Site qui accueille la permanence, quel que soit le service du travailleur social.",
                              lineHeader: "Site",
                              columns: columns, lines: lines, shareOf: [5: 4], masked: forced(figures))
    }

    package static func byService(_ figures: PermanenceFigures, circonscriptions: [String: String]) -> BreakdownTable {
        func label(_ key: String) -> String {
            key == PermanenceFigures.ccasServiceKey ? "Travailleurs sociaux du CCAS"
                : "Travailleurs sociaux de la MDS – circonscription \(circonscriptions[key] ?? key)"
        }
        let lines = figures.byService.map { (key: $0.key, label: label($0.key), values: values($0.value)) }
            .sorted { ($0.key == PermanenceFigures.ccasServiceKey ? 0 : 1, $0.label) < ($1.key == PermanenceFigures.ccasServiceKey ? 0 : 1, $1.label) }
        return BreakdownTable(id: "permanences_services", title: "Permanences par service et circonscription", note: "Service qui envoie le travailleur social ; pour la MDS, sa circonscription.",
                              lineHeader: "Service",
                              columns: columns, lines: lines, shareOf: [5: 4], masked: forced(figures))
    }

    /// The people columns a site filter must hide on every line (see `PermanenceFigures.bookedMaskedAmongSites`).
    package static func forced(_ figures: PermanenceFigures) -> Set<String> {
        Set([figures.bookedMaskedAmongSites ? "places_reservees" : nil, figures.receivedMaskedAmongSites ? "passages" : nil].compactMap { $0 })
    }
}
