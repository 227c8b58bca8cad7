import Foundation
import MCP
import ServiceAccess

extension HTTPConnection {
  /// The checks the SDK's transport runs on every request of a session (its `Accept`,
  /// `Content-Type` and `MCP-Protocol-Version` headers), shared by the sessions' transports and
  /// the front door's own answer to `tools/call`, so both refuse the same requests alike.
  static var validation: StandardValidationPipeline {
    StandardValidationPipeline(validators: [
      AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(), ProtocolVersionValidator(),
    ])
  }

  /// The answer to a `tools/call` request of an open session, computed here instead of by the
  /// session's SDK `Server`; `nil` for any other message (another method, a notification, a
  /// batch, a body that is not one well-formed `tools/call` request), which the session's
  /// server answers as before.
  ///
  /// The tool is the same ``ToolRunner/call(_:arguments:scope:)`` that the session's server
  /// calls, and the answer the same JSON-RPC response (keys sorted, slashes unescaped, as the
  /// SDK writes it); a request the SDK's checks refuse gets their answer. What this saves is
  /// coding: the SDK's path decodes the request twice and codes the result four times on its
  /// way out (through a `Value`, then to classify the outgoing message), and crosses the
  /// session's `Server` actor and its handler task; here the request is decoded once and the
  /// response encoded once.
  func answerToolCall(_ request: HTTPRequest, scope: UserScope) async -> HTTPResponse? {
    guard let body = request.body,
      let call = try? JSONDecoder().decode(Request<CallTool>.self, from: body),
      call.method == CallTool.name
    else { return nil }
    let context = HTTPValidationContext(
      httpMethod: "POST", sessionID: nil, isInitializationRequest: false,
      supportedProtocolVersions: Version.supported)
    if let refusal = Self.validation.validate(request, context: context) { return refusal }
    let result = await runner.call(
      call.params.name, arguments: call.params.arguments, scope: scope)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      let data = try encoder.encode(Response<CallTool>(id: call.id, result: result))
      return .data(data, headers: ["Content-Type": "application/json"])
    } catch {
      return .error(
        statusCode: 500, .internalError("the tool's result could not be encoded: \(error)"))
    }
  }
}
