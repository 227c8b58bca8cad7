/// An error as an RFC 9457 problem document (`application/problem+json`): what an HTTP service
/// sends back instead of a bare 500.
///
/// The standard members are ``type``, ``title``, ``status``, ``detail`` and ``instance``. The
/// extension members are ``code`` (the error's case or code, stable across releases),
/// ``category``, ``retryable``, and string ``members`` that name the entities involved
/// (`user`, `belief`, `outcome`, `source`, `evidence`, `field`, `operation`, …), encoded at the
/// top level next to the others. File paths and `errno` values are deliberately left out: they
/// belong in server logs, not in responses.
///
/// ```swift
/// do throws(ModelError) {
///   _ = try BeliefKey("")
/// } catch {
///   let problem = error.problem
///   // {"category":"invalidInput","code":"invalidIdentifier","detail":"invalid belief key \"\":
///   //  it is empty","field":"belief key","retryable":false,"status":400,
///   //  "title":"Invalid input","type":"urn:selfmodel:problem:invalidIdentifier","value":""}
///   let body = try JSONEncoder().encode(problem)
/// }
/// ```
public struct ProblemDocument: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The media type of a problem document, `application/problem+json`.
  public static let mediaType = "application/problem+json"
  /// The prefix of the ``type`` URIs this library builds: `urn:selfmodel:problem:`.
  public static let typePrefix = "urn:selfmodel:problem:"

  /// A URI reference naming the problem type: ``typePrefix`` followed by ``code``.
  public var type: String
  /// A short summary of the problem type (the category's title).
  public var title: String
  /// The suggested HTTP status code (the category's ``ErrorCategory/httpStatus``).
  public var status: Int
  /// A sentence explaining this occurrence (the error's description).
  public var detail: String
  /// A URI reference identifying this occurrence, such as the request path; `nil` unless the
  /// service sets it.
  public var instance: String?
  /// The error's case (`ModelError`) or code (`StoreError`), such as `"unknownBelief"`.
  public var code: String
  /// The error's category.
  public var category: ErrorCategory
  /// Whether retrying the request later may succeed.
  public var retryable: Bool
  /// Further extension members naming the entities involved, such as `"user"` or `"belief"`.
  /// They must not reuse a standard or extension member's name.
  public var members: [String: String]

  /// Creates a problem document; ``type`` is ``typePrefix`` + `code`, ``title`` and ``status``
  /// come from `category`.
  ///
  /// ```swift
  /// let problem = ProblemDocument(code: "quota", category: .unavailable,
  ///                               detail: "too many requests", members: ["user": "user-42"])
  /// ```
  ///
  /// - Parameters:
  ///   - code: The error's code.
  ///   - category: The error's category.
  ///   - detail: A sentence about this occurrence.
  ///   - members: Extension members naming the entities involved.
  public init(
    code: String, category: ErrorCategory, detail: String, members: [String: String] = [:]
  ) {
    self.type = Self.typePrefix + code
    self.title = category.title
    self.status = category.httpStatus
    self.detail = detail
    self.instance = nil
    self.code = code
    self.category = category
    self.retryable = category.isRetryable
    self.members = members
  }

  /// `"<status> <title>: <detail>"`.
  public var description: String { "\(status) \(title): \(detail)" }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  private static let standardKeys: Set = [
    "type", "title", "status", "detail", "instance", "code", "category", "retryable",
  ]

  /// Encodes the standard and extension members as one flat JSON object.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(type, forKey: Key("type"))
    try container.encode(title, forKey: Key("title"))
    try container.encode(status, forKey: Key("status"))
    try container.encode(detail, forKey: Key("detail"))
    try container.encodeIfPresent(instance, forKey: Key("instance"))
    try container.encode(code, forKey: Key("code"))
    try container.encode(category, forKey: Key("category"))
    try container.encode(retryable, forKey: Key("retryable"))
    for (name, value) in members where !Self.standardKeys.contains(name) {
      try container.encode(value, forKey: Key(name))
    }
  }

  /// Decodes a problem document; unknown string members go to ``members``, other unknown
  /// members are ignored.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` when a standard member is missing or of the wrong type.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    type = try container.decode(String.self, forKey: Key("type"))
    title = try container.decode(String.self, forKey: Key("title"))
    status = try container.decode(Int.self, forKey: Key("status"))
    detail = try container.decode(String.self, forKey: Key("detail"))
    instance = try container.decodeIfPresent(String.self, forKey: Key("instance"))
    code = try container.decode(String.self, forKey: Key("code"))
    category = try container.decode(ErrorCategory.self, forKey: Key("category"))
    retryable = try container.decode(Bool.self, forKey: Key("retryable"))
    var members: [String: String] = [:]
    for key in container.allKeys where !Self.standardKeys.contains(key.stringValue) {
      if let value = try? container.decode(String.self, forKey: key) {
        members[key.stringValue] = value
      }
    }
    self.members = members
  }
}
