import Foundation
import Testing
import TestSupport
@testable import AccueilCore
@testable import AccueilWeb

@Suite(.serialized) struct AppShellTests {
    @Test func healthSaysTheDatabaseAnswers() async throws {
        try await withApp { app in
            let response = try await app.browser().get("/health")
            #expect(response.status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String])
            #expect(json["database"] == "ok")
            #expect(json["version"] == AppConfiguration.version)
        }
    }

    @Test func livenessIsPlainOk() async throws {
        try await withApp { app in
            let response = try await app.browser().get("/livez")
            #expect(response.status == 200)
            #expect(response.text == "ok")
        }
    }

    @Test func homePageSaysWhatTheApplicationIsInFrench() async throws {
        try await withApp { app in
            let response = try await app.browser().get("/")
            #expect(response.status == 200)
            #expect(response.text.contains("<html lang=\"fr\">"))
            #expect(response.text.contains("Accueil commun des solidarités à Bordeaux"))
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withApp { app in
            for path in ["/", "/connexion", "/nulle-part", "/static/css/app.css", "/health"] {
                let response = try await app.browser().get(path)
                let csp = try #require(response.header("Content-Security-Policy"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") == "same-origin")
            }
        }
    }

    @Test func staticFilesAreServedOutsideTheMiddlewareWithTheSameProtections() async throws {
        try await withApp { app in
            let css = try await app.browser().get("/static/css/app.css", headers: ["Accept-Encoding": "gzip"])
            #expect(css.status == 200)
            #expect(css.header("Content-Encoding") == "gzip")
            #expect(css.header("Set-Cookie") == nil)
            let missing = try await app.browser().get("/static/nope.css")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page introuvable"))
            #expect(missing.header("Content-Security-Policy") != nil)
            let traversal = try await app.browser().get("/static/..%2f..%2fPackage.swift")
            #expect(traversal.status == 404)
            let post = try await app.browser().send("POST", "/static/css/app.css", body: [], headers: [:])
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
        }
    }

    /// On the live server: the 413 for an oversized body is the server's answer, before any route.
    @Test func errorPagesAreFrenchAndRevealNothing() async throws {
        try await withApp(live: true) { app in
            let missing = try await app.browser().get("/nulle-part")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page introuvable"))
            let wrongMethod = try await app.browser().send("DELETE", "/", body: nil, headers: [:])
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET, HEAD")
            #expect(wrongMethod.text.contains("Action non autorisée"))
            let tooBig = try await app.browser().send("POST", "/connexion", body: [UInt8](repeating: 0x61, count: 2_000_000), headers: [:])
            #expect(tooBig.status == 413)
            #expect(tooBig.text.contains("<html lang=\"fr\">"))
            #expect(tooBig.text.contains("Contenu trop volumineux"))
            #expect(tooBig.header("Content-Security-Policy") != nil)
        }
    }

    @Test func productionRefusesToStartWithoutAnAdministrator() throws {
        #expect(throws: Bootstrap.StartupError.self) { _ = try TestApp(production: true) }
    }

    @Test func productionRefusesDemoAccounts() throws {
        let demo = try TestApp()
        var configuration = demo.context.configuration
        configuration.production = true
        #expect(throws: Bootstrap.StartupError.self) { _ = try Bootstrap.makeContext(store: demo.store, configuration: configuration) }
    }

    @Test func productionStartsOnceAnAdministratorExistsAndShowsNoDemoAccounts() async throws {
        let demo = try TestApp()
        try demo.store.writeSync { db in try db.run("UPDATE accounts SET disabled = 1 WHERE is_demo = 1") }
        var configuration = demo.context.configuration
        configuration.production = true
        let context = try Bootstrap.makeContext(store: demo.store, configuration: configuration, skipProductionChecks: true)
        try AccountProvisioning.create(.init(login: "chef", displayName: "Cheffe", institution: "CCAS", roles: ["administrateur"],
                                             siteIDs: [], password: "une longue phrase secrète"), context: context)
        let production = try Bootstrap.makeContext(store: demo.store, configuration: configuration)
        #expect(production.configuration.production)
        #expect(throws: AccountProvisioning.Refusal.self) {
            try AccountProvisioning.create(.init(login: "faible", displayName: "F", institution: "CCAS", roles: ["agent"], siteIDs: [], password: "court"), context: context)
        }
        await demo.stop()
    }
}
