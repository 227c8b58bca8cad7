import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SelfModel
import SelfModelOperations
import SelfModelStore

extension APIHandlers {
  /// `GET /v1/users/{user}/export`: `exportUser`, the user as one portable JSON document, or,
  /// when `Accept` names `application/x-ndjson`, in its lines form streamed in chunks of
  /// about 64 KiB (never encoded whole).
  func export(_ request: Request, context: some RequestContext) async throws -> Response {
    let user = try pathUser(context)
    guard RequestInput.accepts(ExportLineWriter.mediaType, request) else {
      return JSONResponse.raw(try await operations.exportUser(user))
    }
    let document = try await operations.exportDocument(user)
    let body = ResponseBody { writer in
      var lines = ExportLineWriter(document, chunkBytes: 65_536)
      while let chunk = try lines.nextChunk() {
        try await writer.write(ByteBuffer(bytes: chunk))
      }
      try await writer.finish(nil)
    }
    return Response(
      status: .ok, headers: [.contentType: ExportLineWriter.mediaType], body: body)
  }

  /// `POST /v1/imports?replace=`: `importUser` (201); 409 if the user exists and `replace` is
  /// not `true`. A JSON document (`application/json`) is read whole, up to the import limit;
  /// the lines form (`application/x-ndjson`) is read as it arrives, a line at a time, with
  /// the library's line and item limits instead of a body limit.
  func importUser(_ request: Request, context: some RequestContext) async throws -> Response {
    let replacing = try RequestInput.flag("replace", in: request, default: false)
    let user: UserID
    if RequestInput.isMediaType(ExportLineWriter.mediaType, request) {
      user = try await importingLines(request, replacing: replacing)
    } else {
      guard RequestInput.isMediaType("application/json", request) else {
        throw HTTPProblem(
          code: "unsupportedMediaType", category: .invalidInput,
          detail: "the body must be sent as Content-Type: application/json or "
            + ExportLineWriter.mediaType,
          members: ["contentType": String((request.headers[.contentType] ?? "").prefix(128))],
          status: 415)
      }
      // The body was read before the handler ran (`RouteScope`, under the deadline, so no
      // handler reads the connection after its answer): imports waiting for a permit hold
      // their body, up to the import limit each; the shape check, decoding and refold wait.
      user = try await imports.run {
        let document = try await RequestInput.bytes(of: request, limit: limits.maximumImportBytes)
        return try await malformedAsProblem {
          try await operations.importUser(document, replacing: replacing)
        }
      }
    }
    return try JSONResponse.make(
      ImportResponse(user: user), status: .created, headers: [.location: "/v1/users/\(user)"])
  }

  /// The lines form, read from the body chunk by chunk; nothing is written unless every line
  /// and the announced count are there. The whole import (reading, decoding, refolding) holds
  /// one of the gate's permits, so imports waiting for one hold no thread and no decoded items
  /// (their bodies wait in the connection's buffers), and a read finds a free work thread; a
  /// piece of the body is decoded 64 KiB at a time with a yield between, so another request
  /// queued on the same thread waits for at most that much.
  private func importingLines(_ request: Request, replacing: Bool) async throws -> UserID {
    try await imports.run {
      var reader = operations.importReader()
      // Read inside `BodyReading.during`: should the deadline pass mid-read, the answer waits
      // for this read to stop, so nothing reads the connection's stream after it.
      try await malformedAsProblem {
        try await BodyReading.during { try await readLines(of: request, into: &reader) }
      }
      let document = try await malformedAsProblem { try reader.finish() }
      return try await operations.importUser(document, replacing: replacing)
    }
  }

  /// Hands `request`'s body to `reader`, 64 KiB at a time with a yield between.
  private func readLines(of request: Request, into reader: inout ExportLineReader) async throws {
    for try await buffer in request.body {
      let bytes = buffer.readableBytesView
      var start = bytes.startIndex
      while start < bytes.endIndex {
        let end =
          bytes.index(start, offsetBy: 65_536, limitedBy: bytes.endIndex) ?? bytes.endIndex
        try reader.append(bytes[start..<end])
        start = end
        await Task.yield()
      }
    }
  }

  /// `body`'s result; a document that is not an export or does not decode is one problem
  /// type, `malformedDocument`, like every other malformed body, and a line over the line
  /// limit is a 413 naming that limit.
  private func malformedAsProblem<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as StoreError {
      if case .numberOutOfRange(field: "lineBytes", _, let allowed) = error.modelError {
        throw HTTPProblem(
          code: "lineTooLarge", category: .invalidInput,
          detail: error.detail ?? "a line is longer than the line limit",
          members: [
            "operation": "import", "allowed": allowed,
            "maximumLineBytes": String(ExportLineReader.standardMaximumLineBytes),
          ], status: 413)
      }
      guard error.code == .invalidArgument else { throw error }
      throw HTTPProblem(
        code: "malformedDocument", category: .invalidInput,
        detail: error.detail ?? "not an export document", members: ["operation": "import"])
    }
  }
}
