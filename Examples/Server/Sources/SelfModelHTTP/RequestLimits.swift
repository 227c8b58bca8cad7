/// The limits handlers enforce on request bodies and parameters, taken from a
/// ``ServerConfiguration``.
struct RequestLimits: Sendable {
  /// The largest request body, in bytes.
  var maximumBodyBytes: Int
  /// The largest import document, in bytes.
  var maximumImportBytes: Int
  /// The most evidence items in one batch.
  var maximumBatchSize: Int
  /// The most users in one page.
  var maximumPageSize: Int
  /// `Retry-After` seconds for unavailable responses.
  var retryAfterSeconds: Int

  init(_ configuration: ServerConfiguration) {
    maximumBodyBytes = configuration.maximumBodyBytes
    maximumImportBytes = configuration.maximumImportBytes
    maximumBatchSize = configuration.maximumBatchSize
    maximumPageSize = configuration.maximumPageSize
    retryAfterSeconds = configuration.retryAfterSeconds
  }
}
