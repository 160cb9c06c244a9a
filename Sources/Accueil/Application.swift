import HTTPCore
import SQLiteStore
import Web

/// Assembles the web application: middleware, every feature's routes, static files, error pages.
public enum Application {
    public static func responder(store: Store, configuration: AppConfiguration) -> Responder {
        var router = Router()
        router.use(SecurityHeadersMiddleware(behindTLS: configuration.behindTLS))
        router.use(CompressionMiddleware())

        HomeRoutes.register(on: &router)
        HealthRoutes.register(on: &router, store: store)

        let staticFiles = StaticFiles(root: configuration.publicDirectory, prefix: "/static")
        router.get("/static/*path") { request in try staticFiles.handle(request) }

        return router.freeze(errorRenderer: ErrorPages.render, reportInternalError: InternalErrorLog.report)
    }
}
