/// The transport's own limits, taken from a ``ServerConfiguration``: body sizes and the retry
/// hint. The limits of what an operation may ask (batch size, budgets, page size) are the
/// library's `OperationLimits`, enforced by `Operations`.
struct RequestLimits: Sendable {
  /// The largest request body, in bytes.
  var maximumBodyBytes: Int
  /// The largest import document or catalogue, in bytes.
  var maximumImportBytes: Int
  /// `Retry-After` seconds for unavailable responses.
  var retryAfterSeconds: Int

  init(_ configuration: ServerConfiguration) {
    maximumBodyBytes = configuration.maximumBodyBytes
    maximumImportBytes = configuration.maximumImportBytes
    retryAfterSeconds = configuration.retryAfterSeconds
  }
}
