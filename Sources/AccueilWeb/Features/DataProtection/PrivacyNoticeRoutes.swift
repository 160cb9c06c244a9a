import AccueilCore
import HTTPCore
import Web

/// `/donnees-personnelles`: public, linked from every footer and from the referral slip.
enum PrivacyNoticeRoutes {
    static let path = "/donnees-personnelles"

    static func register(on router: inout Router, context: AppContext) {
        router.get(path) { request in
            let settings = try await context.store.read { db in try RetentionSettings.load(db) }
            return Layout.response(title: "Vos données personnelles", body: PrivacyNoticePage.render(settings), request: request)
        }
    }
}
