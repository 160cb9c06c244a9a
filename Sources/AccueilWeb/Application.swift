import AccueilCore
import HTTPCore
import Orientation
import SQLiteStore
import Web

/// Assembles the web application: middleware, every feature's routes, static files, error pages.
public enum Application {
    /// Order matters: security headers and compression wrap everything (error pages included); the
    /// session is known before CSRF is checked; each route then names the permission it needs.
    public static func responder(context: AppContext, metrics: ServerMetrics = ServerMetrics()) -> Responder {
        var router = Router()
        router.use(SecurityHeadersMiddleware(behindTLS: context.configuration.behindTLS))
        router.use(CompressionMiddleware())
        router.use(SessionMiddleware(context: context))
        router.use(APITokenMiddleware(context: context, limiter: APIRateLimiter(perMinute: context.configuration.apiCallsPerMinute)))
        router.useOnRoutes(CSRFMiddleware(context: context))
        router.useOnRoutes(NeedToKnow.Gate())

        HomeRoutes.register(on: &router, context: context)
        ProtectionRoutes.register(on: &router, context: context)
        HealthRoutes.register(on: &router, store: context.store)
        LoginRoutes.register(on: &router, context: context)
        PasswordRoutes.register(on: &router, context: context)
        AccountAdminRoutes.register(on: &router, context: context)
        AuditRoutes.register(on: &router, context: context)
        IntakeRoutes.register(on: &router, context: context)
        OrientationRoutes.register(on: &router, context: context)
        PersonRoutes.register(on: &router, context: context)
        AttendanceRoutes.register(on: &router, context: context)
        SiteAdminRoutes.register(on: &router, context: context)
        AdjustmentRoutes.register(on: &router, context: context)
        TerritoryImportRoutes.register(on: &router, context: context)
        DirectoryAdminRoutes.register(on: &router, context: context)
        DirectorySearchRoutes.register(on: &router, context: context)
        DirectoryAPIRoutes.register(on: &router, context: context)
        InformationSheetRoutes.register(on: &router, context: context)
        APITokenRoutes.register(on: &router, context: context)
        OpenAPIRoutes.register(on: &router, context: context)
        PartnerLoopRoutes.register(on: &router, context: context)
        SectorLookupRoutes.register(on: &router, context: context)
        BreakGlassRoutes.register(on: &router, context: context)
        BreakGlassReview.register(on: &router, context: context)
        OrientationAPIRoutes.register(on: &router, context: context)
        PlanningRoutes.register(on: &router, context: context)
        PermanenceRoutes.register(on: &router, context: context)
        PlanningFeedRoutes.register(on: &router, context: context)
        CalendarSubscriptionRoutes.register(on: &router, context: context)
        ExceptionRoutes.register(on: &router, context: context)
        SocialWorkerRoutes.register(on: &router, context: context)
        SocialWorkerActivationRoutes.register(on: &router, context: context)
        StatisticsRoutes.register(on: &router, context: context)
        RetentionRoutes.register(on: &router, context: context)
        PrivacyNoticeRoutes.register(on: &router, context: context)
        SubjectAccessRoutes.register(on: &router, context: context)
        PersonRectificationRoutes.register(on: &router, context: context)
        MetricsRoutes.register(on: &router, context: context, metrics: metrics)
        BilanRoutes.register(on: &router, context: context)

        // Static files bypass the middleware (no session, no per-request compression): their answers,
        // gzip copy and headers are prepared once; the security headers come with them.
        let serverPages = ErrorPages.serverResponder(behindTLS: context.configuration.behindTLS)
        let staticFiles = StaticFiles(root: context.configuration.publicDirectory, prefix: "/static",
                                      extraHeaders: SecurityHeadersMiddleware(behindTLS: context.configuration.behindTLS).headers,
                                      notFound: { _ in serverPages(.notFound) })
        router.mount("/static/", staticFiles.respond)

        return router.freeze(errorRenderer: ErrorPages.render, reportInternalError: InternalErrorLog.report,
                             translateError: { error in
                                 let shown = DatabaseFaults.translate(error)
                                 if shown != nil, let kind = DatabaseFaults.kind(error) { metrics.fault(kind) }
                                 return shown
                             })
    }

    /// Answers one request from the server and counts it (route shape, status, duration).
    public static func answer(_ http: HTTPRequest, responder: Responder, metrics: ServerMetrics) async -> HTTPResponse {
        let start = ContinuousClock.now
        let (response, route) = await responder.respondNamingRoute(to: http)
        let elapsed = ContinuousClock.now - start
        metrics.observe(route: route, method: http.method, status: response.status.code,
                        seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }
}
