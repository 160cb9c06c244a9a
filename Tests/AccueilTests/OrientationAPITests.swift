import Foundation
import Orientation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct OrientationAPITests {
    static let path = "/api/v1/orientation/evaluate"
    static let family = #"{"adults": 1, "date": "2026-11-26", "sector": "bastide", "children": [{"birthDate": "2023-06-01"}]}"#

    /// A signed-in browser holding its session's CSRF token (the login page's token is the anonymous one).
    func deskBrowser(_ app: TestApp, _ login: String = "agent") async throws -> Browser {
        let browser = try await app.signedIn(login)
        try await browser.get("/")
        return browser
    }

    func object(_ response: RawClient.Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func aFamilyWithAThreeYearOldInBastideGoesToMDSBastide() async throws {
        try await withApp { app in
            let response = try await deskBrowser(app).postJSON(Self.path, Self.family)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-store")
            let json = try object(response)
            #expect(json["service"] as? String == "MDS")
            #expect(json["site"] as? String == "MDS Bastide")
            #expect(json["siteId"] as? String == "mds-bastide")
            #expect(json["circonscription"] as? String == "Sud")
            // The very bytes of the shared contract function: the API adds no logic of its own.
            let expected = try evaluateOrientation(json: Data(Self.family.utf8), today: LocalDate(year: 2000, month: 1, day: 1)!,
                                                   router: OrientationRouter(referential: app.context.referential)).get()
            #expect(response.body == Array(expected))
            // A pure computation: nothing about the household is written anywhere.
            #expect(try app.auditCount(.orientationDecided) == 0)
        }
    }

    @Test func aCoupleWithoutChildGoesToTheCCAS() async throws {
        try await withApp { app in
            let response = try await deskBrowser(app, "ts.mds").postJSON(Self.path, #"{"adults": 2, "date": "2026-11-26", "sector": "bastide"}"#)
            #expect(response.status == 200)
            let json = try object(response)
            #expect(json["service"] as? String == "CCAS")
            #expect(json["siteId"] as? String == "ccas-cite-municipale")
        }
    }

    @Test func withoutADateTodayIsTheAppClockInParis() async throws {
        try await withApp { app in
            // The test clock starts at 2026-11-18 11:06:40 UTC; this is 23:30 UTC, already the 19th in Paris.
            app.advanceClock(seconds: 44_600)
            let response = try await deskBrowser(app).postJSON(Self.path, #"{"adults": 1}"#)
            #expect(response.status == 200)
            #expect(try object(response)["date"] as? String == "2026-11-19")
        }
    }

    @Test func anUnknownSectorIsA400NamingTheField() async throws {
        try await withApp { app in
            let response = try await deskBrowser(app).postJSON(Self.path, #"{"adults": 1, "sector": "atlantis"}"#)
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let json = try object(response)
            #expect(json["field"] as? String == "sector")
            #expect((json["error"] as? String)?.contains("Secteur inconnu") == true)
        }
    }

    @Test func aBodyThatIsNotJSONIsA400WithANullField() async throws {
        try await withApp { app in
            let response = try await deskBrowser(app).postJSON(Self.path, "adults=1")
            #expect(response.status == 400)
            let json = try object(response)
            #expect(json["field"] is NSNull)
        }
    }

    @Test(arguments: ["application/x-www-form-urlencoded", "text/plain", "application/json; charset=iso-8859-1", "application/json-patch+json"])
    func anotherContentTypeIs415InJSON(_ contentType: String) async throws {
        try await withApp { app in
            let response = try await deskBrowser(app).postJSON(Self.path, #"{"adults": 1}"#, contentType: contentType)
            #expect(response.status == 415)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect((try object(response)["error"] as? String)?.contains("application/json") == true)
        }
    }

    @Test func theCharsetParameterMayNameUTF8() async throws {
        try await withApp { app in
            let response = try await deskBrowser(app).postJSON(Self.path, Self.family, contentType: "Application/JSON; charset=UTF-8")
            #expect(response.status == 200)
        }
    }

    @Test func anAnonymousCallIs401InJSON() async throws {
        try await withApp { app in
            let response = try await app.browser().postJSON(Self.path, Self.family)
            #expect(response.status == 401)
            #expect(response.header("Location") == nil)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(try object(response)["status"] as? Int == 401)
            #expect(!response.text.contains("MDS Bastide"))
        }
    }

    @Test func aSessionCookieWithoutTheCSRFHeaderIs403() async throws {
        try await withApp { app in
            let browser = try await deskBrowser(app)
            let refused = try await browser.postJSON(Self.path, Self.family, csrfHeader: false)
            #expect(refused.status == 403)
            #expect(!refused.text.contains("MDS Bastide"))
            let accepted = try await browser.postJSON(Self.path, Self.family)
            #expect(accepted.status == 200)
        }
    }

    @Test(arguments: ["responsable", "admin"])
    func accountsThatDoNotRecordIntakesAreRefused(_ login: String) async throws {
        try await withApp { app in
            let response = try await deskBrowser(app, login).postJSON(Self.path, Self.family)
            #expect(response.status == 403)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        }
    }
}
