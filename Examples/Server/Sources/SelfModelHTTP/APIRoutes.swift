import HTTPTypes
import Hummingbird
import ServiceAccess

/// The route table of API version 1, in one place: every path, its method and its handler.
/// `openapi.json` describes the same table (a test checks that the two agree), and
/// `Docs/Server.md` documents it.
enum APIRoutes {
  /// One authenticated route: its method, its path under `/v1`, whether its body names
  /// beliefs, sources, candidates or contexts (422 when unknown), and its handler.
  private struct Route {
    let method: HTTPRequest.Method
    let path: String
    var namesInBody = false
    let handler: RouteScope.Handler
  }

  /// Adds the problem middleware, the three public routes (`GET /openapi.json`,
  /// `GET /v1/health`, `GET /v1/ready`), then every authenticated route behind the drain
  /// middleware, to `router`; with `unauthenticatedTenant`, those routes work on that tenant
  /// without a token instead.
  static func register(
    _ scope: RouteScope, tokens: TenantTokens, on router: Router<TenantRequestContext>,
    retryAfterSeconds: Int, drain: DrainState, unauthenticatedTenant: TenantID? = nil
  ) {
    var table = MethodTable()
    table.add(.get, OpenAPIDocument.path)
    table.add(.get, "/v1/health")
    table.add(.get, "/v1/ready")
    for route in routes { table.add(route.method, "/v1/" + route.path) }
    router.add(middleware: ProblemMiddleware(retryAfterSeconds: retryAfterSeconds, methods: table))
    router.get(RouterPath(OpenAPIDocument.path)) { _, _ in try OpenAPIDocument.response() }
    let v1 = router.group("v1")
    HealthRoutes.register(on: v1, stores: scope.stores, lifecycle: drain)
    let drained = v1.group().add(middleware: DrainMiddleware<TenantRequestContext>(state: drain))
    let api =
      if let unauthenticatedTenant {
        drained.add(middleware: FixedTenantMiddleware<TenantRequestContext>(unauthenticatedTenant))
      } else {
        drained.add(middleware: BearerTenantAuthenticator<TenantRequestContext>(tokens: tokens))
          .add(middleware: RequireTenantMiddleware<TenantRequestContext>())
      }
    for route in routes {
      api.on(RouterPath(route.path), method: route.method) {
        try await scope.serve($0, $1, namesInBody: route.namesInBody, route.handler)
      }
    }
  }

  private static let routes: [Route] = [
    Route(method: .get, path: "catalogue") { try await $0.catalogue($1, context: $2) },
    Route(method: .put, path: "catalogue") { try await $0.publish($1, context: $2) },
    Route(method: .get, path: "users") { try await $0.users($1, context: $2) },
    Route(method: .post, path: "users") { try await $0.createUser($1, context: $2) },
    Route(method: .get, path: "users/:user") { try await $0.user($1, context: $2) },
    Route(method: .delete, path: "users/:user") { try await $0.deleteUser($1, context: $2) },
    Route(method: .post, path: "users/:user/evidence", namesInBody: true) {
      try await $0.record($1, context: $2)
    },
    Route(method: .delete, path: "users/:user/evidence/:evidence") {
      try await $0.forgetEvidence($1, context: $2)
    },
    Route(method: .delete, path: "users/:user/sources/:source/evidence") {
      try await $0.forgetSource($1, context: $2)
    },
    Route(method: .get, path: "users/:user/estimates") {
      try await $0.estimates($1, context: $2)
    },
    Route(method: .get, path: "users/:user/beliefs/:belief/explanation") {
      try await $0.explanation($1, context: $2)
    },
    Route(method: .post, path: "users/:user/rankings", namesInBody: true) {
      try await $0.rank($1, context: $2)
    },
    Route(method: .get, path: "users/:user/next-questions") {
      try await $0.nextQuestions($1, context: $2)
    },
    Route(method: .post, path: "users/:user/context", namesInBody: true) {
      try await $0.promptContext($1, context: $2)
    },
    Route(method: .post, path: "users/:user/reactions", namesInBody: true) {
      try await $0.react($1, context: $2)
    },
    Route(method: .get, path: "users/:user/export") { try await $0.export($1, context: $2) },
    Route(method: .post, path: "imports") { try await $0.importUser($1, context: $2) },
  ]
}
