import Foundation
import Hummingbird
import SelfModel

/// The API's OpenAPI 3.1 document, `openapi.json`, shipped as the module's resource and
/// served unauthenticated at `GET /openapi.json`.
///
/// The resource bundle is looked up next to the executable (where SwiftPM puts it) without
/// SwiftPM's generated `Bundle.module`, which traps when the bundle is missing; here a missing
/// document is a 500 problem on that one route, and the API works on.
enum OpenAPIDocument {
  /// The path it is served at.
  static let path = "/openapi.json"
  /// The resource bundle's folder name, as SwiftPM names it.
  static let bundleName = "SelfModelServer_SelfModelHTTP.resources"

  /// The document's bytes, read once; `nil` if the resource cannot be found.
  static let data: Data? = load()

  /// `GET /openapi.json`.
  static func response() throws(HTTPProblem) -> Response {
    guard let data else {
      throw HTTPProblem(
        code: "openAPIDocumentMissing", category: .internal,
        detail: "the server failed to answer the request")
    }
    return JSONResponse.raw(data)
  }

  private static func load() -> Data? {
    var folders = [Bundle.main.bundleURL]
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    for folder in folders {
      let file = folder.appendingPathComponent(bundleName).appendingPathComponent("openapi.json")
      if let data = try? Data(contentsOf: file) { return data }
    }
    return nil
  }
}
