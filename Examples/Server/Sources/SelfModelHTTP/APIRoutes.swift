import Hummingbird

/// The route table of API version 1, in one place: every path, its method and its handler.
/// `Docs/Server.md` documents the same table; an OpenAPI document follows it.
enum APIRoutes {
  /// Adds the problem middleware, then every route, to `router`.
  static func register(
    _ handlers: APIHandlers, on router: Router<some RequestContext>, retryAfterSeconds: Int
  ) {
    router.add(middleware: ProblemMiddleware(retryAfterSeconds: retryAfterSeconds))
    let v1 = router.group("v1")
    let h = handlers
    v1.get("health") { try h.health($0, context: $1) }
    v1.get("catalogue") { try await h.catalogue($0, context: $1) }
    v1.put("catalogue") { try await h.publish($0, context: $1) }
    v1.get("users") { try await h.users($0, context: $1) }
    v1.post("users") { try await h.createUser($0, context: $1) }
    v1.get("users/:user") { try await h.user($0, context: $1) }
    v1.delete("users/:user") { try await h.deleteUser($0, context: $1) }
    v1.post("users/:user/evidence") { try await h.record($0, context: $1) }
    v1.delete("users/:user/evidence/:evidence") { try await h.forgetEvidence($0, context: $1) }
    v1.delete("users/:user/sources/:source/evidence") {
      try await h.forgetSource($0, context: $1)
    }
    v1.get("users/:user/estimates") { try await h.estimates($0, context: $1) }
    v1.get("users/:user/beliefs/:belief/explanation") {
      try await h.explanation($0, context: $1)
    }
    v1.post("users/:user/rankings") { try await h.rank($0, context: $1) }
    v1.get("users/:user/next-questions") { try await h.nextQuestions($0, context: $1) }
    v1.post("users/:user/context") { try await h.context($0, context: $1) }
    v1.post("users/:user/reactions") { try await h.react($0, context: $1) }
    v1.get("users/:user/export") { try await h.export($0, context: $1) }
    v1.post("imports") { try await h.importUser($0, context: $1) }
  }
}
