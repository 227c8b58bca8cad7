import HTTPTypes
import Hummingbird

/// The route table of API version 1, in one place: every path, its method and its handler.
/// `openapi.json` describes the same table (a test checks that the two agree), and
/// `Docs/Server.md` documents it.
enum APIRoutes {
  /// Adds the problem middleware, the two public routes (`GET /openapi.json`,
  /// `GET /v1/health`), then every authenticated route, to `router`.
  static func register(
    _ scope: RouteScope, tokens: TenantTokens, on router: Router<TenantRequestContext>,
    retryAfterSeconds: Int
  ) {
    router.add(middleware: ProblemMiddleware(retryAfterSeconds: retryAfterSeconds))
    router.get(RouterPath(OpenAPIDocument.path)) { _, _ in try OpenAPIDocument.response() }
    let v1 = router.group("v1")
    v1.get("health") { _, _ in try JSONResponse.make(HealthResponse(status: "ok")) }
    let api = v1.group()
      .add(middleware: BearerTenantAuthenticator<TenantRequestContext>(tokens: tokens))
      .add(middleware: RequireTenantMiddleware<TenantRequestContext>())
    func route(
      _ method: HTTPRequest.Method, _ path: RouterPath, _ handler: @escaping RouteScope.Handler
    ) {
      api.on(path, method: method) { try await scope.serve($0, $1, handler) }
    }
    route(.get, "catalogue") { try await $0.catalogue($1, context: $2) }
    route(.put, "catalogue") { try await $0.publish($1, context: $2) }
    route(.get, "users") { try await $0.users($1, context: $2) }
    route(.post, "users") { try await $0.createUser($1, context: $2) }
    route(.get, "users/:user") { try await $0.user($1, context: $2) }
    route(.delete, "users/:user") { try await $0.deleteUser($1, context: $2) }
    route(.post, "users/:user/evidence") { try await $0.record($1, context: $2) }
    route(.delete, "users/:user/evidence/:evidence") {
      try await $0.forgetEvidence($1, context: $2)
    }
    route(.delete, "users/:user/sources/:source/evidence") {
      try await $0.forgetSource($1, context: $2)
    }
    route(.get, "users/:user/estimates") { try await $0.estimates($1, context: $2) }
    route(.get, "users/:user/beliefs/:belief/explanation") {
      try await $0.explanation($1, context: $2)
    }
    route(.post, "users/:user/rankings") { try await $0.rank($1, context: $2) }
    route(.get, "users/:user/next-questions") { try await $0.nextQuestions($1, context: $2) }
    route(.post, "users/:user/context") { try await $0.context($1, context: $2) }
    route(.post, "users/:user/reactions") { try await $0.react($1, context: $2) }
    route(.get, "users/:user/export") { try await $0.export($1, context: $2) }
    route(.post, "imports") { try await $0.importUser($1, context: $2) }
  }
}
