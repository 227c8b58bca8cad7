// `selfmodel-edge-baseline`: B10's floor, the least an HTTP route can do to record evidence.
// One Hummingbird route, `POST /v1/users/{user}/evidence`, that decodes `{"evidence": [...]}`
// with the operations' decoder, calls `store.record` on the tenant `local`'s FileStore (opened
// as `selfmodel-server` opens it), and answers the store's result as JSON. No authentication,
// no limits but the body size, no deadline, no drain, no problem documents: what the service
// adds on top of this is the cost of its edge, which `Scripts/edge-cost.sh` measures.
//
//   selfmodel-edge-baseline --data DIR [--port 8089]
//
// Not a service: it answers 400 with no body to any error.
import Foundation
import Hummingbird
import Logging
import NIOCore
import SelfModel
import SelfModelHTTP
import SelfModelOperations
import SelfModelStore
import ServiceAccess

/// The body `POST /v1/users/{user}/evidence` takes.
struct EvidenceBody: Decodable {
  let evidence: [Evidence]
}

/// `--data DIR` and `--port N` from the command line.
func arguments() -> (data: String, port: Int)? {
  var data: String?
  var port = 8089
  var rest = CommandLine.arguments.dropFirst()[...]
  while let flag = rest.popFirst() {
    guard let value = rest.popFirst() else { return nil }
    switch flag {
    case "--data": data = value
    case "--port":
      guard let number = Int(value), (1...65_535).contains(number) else { return nil }
      port = number
    default: return nil
    }
  }
  return data.map { ($0, port) }
}

guard let (data, port) = arguments() else {
  FileHandle.standardError.write(
    Data("usage: selfmodel-edge-baseline --data DIR [--port N]\n".utf8))
  exit(2)
}
var configuration = ServerConfiguration(dataFolder: data)
configuration.port = port
let logger = Logger(label: "selfmodel-edge-baseline")
let store = try SelfModelService.openStore(
  at: SelfModelService.folder(of: try TenantID("local"), configuration), configuration,
  logger: logger)

let router = Router()
router.post("/v1/users/:user/evidence") { request, context -> Response in
  do {
    let user = try UserID(context.parameters.require("user"))
    let bytes = try await request.body.collect(upTo: configuration.maximumBodyBytes)
    let body = try OperationCoding.decoder().decode(
      EvidenceBody.self, from: Data(bytes.readableBytesView))
    let result = try await store.record(body.evidence, for: user, at: Date())
    let json = try OperationCoding.encoder().encode(result)
    return Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
  } catch {
    return Response(status: .badRequest)
  }
}
let app = Application(
  router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
  logger: logger)
try await app.runService()
await store.shutdown()
