import Foundation
import SelfModel

/// An operation's request value decoded from a body that leaves out the `user`, which the
/// path carries (`POST /v1/users/{user}/context` takes a `PromptRequest` without `"user"`).
///
/// The body is decoded exactly as the library's `Codable` conformance reads the request, as if
/// it held `"user": <the path's user>`; a `"user"` in the body is ignored, the path wins. So the
/// service repeats none of the request's fields: the JSON shape is the library's.
struct PathUserDecoding<Value: Decodable>: Decodable {
  /// The `userInfo` key of the decoder under which the path's user is passed.
  static var userKey: CodingUserInfoKey? { CodingUserInfoKey(rawValue: "selfmodel.pathUser") }

  /// The request.
  let value: Value

  init(from decoder: any Decoder) throws {
    guard let key = Self.userKey, let user = decoder.userInfo[key] as? UserID else {
      throw DecodingError.valueNotFound(
        UserID.self, .init(codingPath: [], debugDescription: "no user in the path"))
    }
    value = try Value(from: UserInjectingDecoder(base: decoder, user: user))
  }
}

/// A decoder that answers the top-level key `user` with a given user and everything else from
/// the decoder it wraps.
private struct UserInjectingDecoder: Decoder {
  let base: any Decoder
  let user: UserID

  var codingPath: [any CodingKey] { base.codingPath }
  var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(
      UserInjectingContainer(base: try base.container(keyedBy: type), user: user))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try base.unkeyedContainer() }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    try base.singleValueContainer()
  }
}

/// The top-level container of ``UserInjectingDecoder``: `user` is the path's, every other key
/// is read from the body.
private struct UserInjectingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let base: KeyedDecodingContainer<Key>
  let user: UserID

  var codingPath: [any CodingKey] { base.codingPath }
  var allKeys: [Key] {
    let others = base.allKeys.filter { !isUser($0) }
    return Key(stringValue: "user").map { [$0] + others } ?? others
  }

  private func isUser(_ key: Key) -> Bool { key.stringValue == "user" }

  func contains(_ key: Key) -> Bool { isUser(key) || base.contains(key) }

  func decodeNil(forKey key: Key) throws -> Bool {
    isUser(key) ? false : try base.decodeNil(forKey: key)
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    guard isUser(key) else { return try base.decode(type, forKey: key) }
    if let user = user as? T { return user }
    if let text = user.rawValue as? T { return text }
    throw DecodingError.typeMismatch(
      type, .init(codingPath: codingPath + [key], debugDescription: "the user is an id"))
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    isUser(key) ? user.rawValue : try base.decode(type, forKey: key)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try base.decode(type, forKey: key)
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try base.decode(type, forKey: key)
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    try base.nestedContainer(keyedBy: type, forKey: key)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try base.nestedUnkeyedContainer(forKey: key)
  }

  func superDecoder() throws -> any Decoder { try base.superDecoder() }

  func superDecoder(forKey key: Key) throws -> any Decoder { try base.superDecoder(forKey: key) }
}
