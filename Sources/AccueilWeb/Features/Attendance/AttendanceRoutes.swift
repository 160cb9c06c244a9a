import AccueilCore
import Orientation
import HTML
import HTTPCore
import SQLiteStore
import Web

/// The closed loop: a destination sees its incoming orientations and says whether each person came.
enum AttendanceRoutes {
    static let outcomes: [OrientationRecord.Status] = [.honoured, .notHonoured, .excused, .reoriented]

    static func register(on router: inout Router, context: AppContext) {
        let gate: [any Middleware] = [RequirePermission(permission: .recordAttendance)]

        router.get("/orientations/recues", middleware: gate) { request in
            guard let account = request.session?.account else { throw HTTPError.forbidden }
            let site = account.siteIDs.contains(request.query["site"] ?? "") ? request.query["site"]! : nil
            let day = request.query["jour"].flatMap(LocalDate.init(iso:))
            let now = context.now()
            let (rows, needs, sites) = try await context.store.write { db -> ([(OrientationRecord, Person?)], [Int64: MeetingNeeds], [DirectorySite]) in
                let list = try OrientationRepository.incoming(db, siteIDs: site.map { [$0] } ?? account.siteIDs, day: day)
                try AuditTrail.record(db, at: now, account: account.id, .incomingListRead, detail: "\(site ?? "tous mes sites") : \(list.count)")
                return (try list.map { ($0, try $0.personID.flatMap { try PersonRepository.find(db, id: $0) }) },
                        try MeetingNeeds.forOrientations(db, list.map(\.id)), try SiteDirectory.all(db))
            }
            // Names only of the people in the account's scope (need-to-know); the others by reference.
            let visible = try await NeedToKnow.visible(request, rows.compactMap(\.0.personID), context: context)
            let shown = rows.map { row in (row.0, row.1.flatMap { visible.contains($0.id) ? $0 : nil }) }
            let body = AttendancePage.render(request, rows: shown, needs: needs, sites: sites.filter { account.siteIDs.contains($0.id) }, site: site, day: day,
                                             today: context.today, notice: request.query["info"])
            return Layout.response(title: "Orientations reçues", body: body, request: request)
        }

        router.post("/orientations/:id/presence", middleware: gate) { request in
            guard let account = request.session?.account, let id = Int64(try request.parameter("id")) else { throw HTTPError.notFound }
            try await NeedToKnow.require(request, orientation: id, context: context)
            let form = try request.form()
            guard let status = OrientationRecord.Status(rawValue: form["statut"] ?? ""), outcomes.contains(status) else {
                throw HTTPError(.unprocessableContent, "Choisissez ce qu'il est advenu de l'orientation.")
            }
            let now = context.now()
            let intakeID = try await context.store.write { db -> Int64 in
                guard let orientation = try OrientationRepository.find(db, id: id) else { throw HTTPError.notFound }
                // Only the destination's own people record the outcome.
                guard let site = orientation.siteID, account.siteIDs.contains(site) else { throw HTTPError.forbidden }
                // An outcome is recorded once; changing it later would rewrite what the person's path says.
                guard orientation.status == .open else {
                    throw HTTPError(.conflict, "La suite de cette orientation a déjà été enregistrée (\(orientation.status.label.lowercased())).")
                }
                try OrientationRepository.setStatus(db, id: id, status, accountID: account.id, at: now)
                try AuditTrail.record(db, at: now, account: account.id, .attendanceRecorded, subjectType: "personne",
                                      subjectID: orientation.personID.map(String.init), detail: "orientation \(id) : \(status.rawValue)")
                return orientation.intakeID
            }
            // A re-orientation starts from the same intake: the decision page proposes the new orientation.
            if status == .reoriented { return .redirect(to: "/accueils/\(intakeID)") }
            return .redirect(to: "/orientations/recues?info=enregistre")
        }
    }
}

enum AttendancePage {
    static func render(_ request: Request, rows: [(OrientationRecord, Person?)], needs: [Int64: MeetingNeeds], sites: [DirectorySite], site: String?, day: LocalDate?, today: LocalDate, notice: String?) -> HTML {
        let csrf = FormFields.csrf(request.csrfToken)
        let items = rows.map { (o, person) -> HTML in
            let overdue = o.isOverdue(today: today)
            let form: HTML = o.status == .open ? """
                <form method="post" action="/orientations/\(String(o.id))/presence" class="inline-form">\(csrf)
                \(FormFields.select("statut", label: "Suite donnée pour \(o.reference)", options: AttendanceRoutes.outcomes.map { .init($0.rawValue, $0.label) }, selected: nil, required: true, includeBlank: "— Choisir —", idSuffix: "-\(o.id)"))
                <button type="submit">Enregistrer<span class="visually-hidden"> pour \(o.reference)</span></button></form>
                """ : "<p>\(o.status.label)</p>"
            return """
                <tr\(overdue ? " class=\"overdue\"" as HTML : .empty)><td><a href="/orientations/\(String(o.id))">\(o.reference)</a>\(overdue ? "<br><strong>En retard</strong>" as HTML : .empty)</td>
                <td>\(person?.fullName ?? (o.personID == nil ? "—" : "Hors de votre périmètre"))\(needs[o.id].map { "<br><span class=\"needs\">\($0.label)</span>" as HTML } ?? .empty)</td>
                <td>\(BookingText.describe(o))</td><td>\(form)</td></tr>
                """
        }
        let saved: HTML = notice == "enregistre" ? "<div class=\"notice success\" role=\"status\"><p>Suite enregistrée.</p></div>" : .empty
        return """
            <h1>Orientations reçues</h1>
            \(saved)
            <form method="get" action="/orientations/recues" class="filters">
            \(FormFields.select("site", label: "Site", options: sites.map { .init($0.id, $0.name) }, selected: site, includeBlank: "Tous mes sites"))
            \(FormFields.input("jour", label: "Jour du rendez-vous", value: day?.description ?? "", type: "date", hint: "Vide : toutes les orientations en attente."))
            <p><button type="submit">Afficher</button></p>
            </form>
            <table><caption>\(rows.count) orientation\(rows.count > 1 ? "s" : "")\(day == nil ? " en attente" : "")</caption>
            <thead><tr><th scope="col">N°</th><th scope="col">Personne</th><th scope="col">Réservation</th><th scope="col">Suite</th></tr></thead>
            <tbody>\(HTML.join(items))</tbody></table>
            """
    }
}
