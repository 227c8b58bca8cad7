import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SelfModelOperations

/// Builds JSON responses with the operations' one encoding (`OperationCoding`).
enum JSONResponse {
  /// `value` as a JSON body with `status`.
  static func make(
    _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) throws -> Response {
    raw(try OperationCoding.encode(value), status: status, headers: headers)
  }

  /// Bytes that already are JSON, as a body with `status`.
  static func raw(
    _ data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) -> Response {
    var headers = headers
    headers[.contentType] = "application/json"
    return Response(
      status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
