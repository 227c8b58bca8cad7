/// A validated, phantom-typed identifier: the raw string is checked once, on construction, and
/// the `Kind` parameter keeps a user id from being passed where a belief key is expected.
///
/// Rules (the same for every kind): 1 to ``maximumLength`` UTF-8 bytes, drawn from ASCII
/// letters, digits and `- _ . : @ + / =`. That admits UUIDs, e-mail addresses, dotted keys
/// such as `preference.answer-length` and `tenant/42`, and rejects whitespace, control
/// characters and anything outside ASCII. An identifier is never used as a file name as it
/// is; stores derive file names from it.
///
/// ```swift
/// let user = try UserID(request.userID)            // a runtime string: validated, throws
/// let key: BeliefKey = "preference.answer-length"  // a literal: checked with a precondition
/// ```
///
/// Note that `UserID("…")` with a string *literal* argument is Swift's literal syntax, so it
/// takes the literal initializer (a precondition), not the throwing ``init(_:)``: pass strings
/// that come from outside as values, as above.
///
/// It encodes as its raw string.
public struct Identifier<Kind: IdentifierTag>: Sendable, Hashable, Comparable {
  /// The longest identifier accepted, in UTF-8 bytes.
  public static var maximumLength: Int { 256 }

  /// The validated raw string.
  public let rawValue: String

  /// `rawValue.hashValue`, computed once: identifiers are hashed on every evidence update (the
  /// ledger's index, the belief and source tables), so each lookup hashes one integer instead
  /// of the string. It uses the standard library's per-process seeded hash, so crafted ids
  /// cannot collide on purpose.
  private let cachedHash: Int

  /// The cached hash of the raw string (see `cachedHash`), for the module's own tables
  /// (`EvidenceIndex`): equal identifiers have equal values.
  var storedHash: Int { cachedHash }

  /// Creates an identifier after validating `rawValue`.
  ///
  /// - Parameter rawValue: The string to wrap.
  /// - Throws: ``ModelError/invalidIdentifier(kind:value:reason:)`` when the string is empty,
  ///   longer than ``maximumLength`` bytes, or contains a character outside the allowed set.
  public init(_ rawValue: String) throws(ModelError) {
    if let reason = Self.problem(with: rawValue) {
      throw .invalidIdentifier(
        kind: Kind.displayName, value: Self.excerpt(rawValue), reason: reason)
    }
    self.init(unchecked: rawValue)
  }

  /// Creates an identifier from UTF-8 bytes that follow the rules, or returns `nil` (for any
  /// problem: ``init(_:)`` says which). For decoders: the bytes are checked before a string
  /// is made.
  ///
  /// - Parameter bytes: The identifier's UTF-8 bytes.
  package init?(validBytes bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty, bytes.count <= Self.maximumLength, bytes.allSatisfy(Self.isAllowed)
    else { return nil }
    // Allowed bytes are ASCII, so valid UTF-8.
    self.init(unchecked: String(decoding: bytes, as: UTF8.self))
  }

  /// Wraps a string already known to be valid.
  init(unchecked rawValue: String) {
    self.rawValue = rawValue
    self.cachedHash = rawValue.hashValue
  }

  /// Equal when the raw strings are equal (the cached hashes are compared first, as a shortcut).
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.cachedHash == rhs.cachedHash && lhs.rawValue == rhs.rawValue
  }

  /// Feeds the cached hash of the raw string.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(cachedHash)
  }

  /// The hash `Set` and `Dictionary` use, derived from the cached, already seeded string hash
  /// without running `Hasher` again: a table lookup then costs a multiply instead of a SipHash
  /// round. (`_rawHashValue(seed:)` is the standard library's customisation point for this.)
  public func _rawHashValue(seed: Int) -> Int {
    let mixed = UInt64(bitPattern: Int64(cachedHash ^ seed)) &* 0x9E37_79B9_7F4A_7C15
    return Int(bitPattern: UInt(truncatingIfNeeded: mixed ^ (mixed >> 29)))
  }

  /// Orders identifiers by their raw strings.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  static func problem(with raw: String) -> String? {
    let bytes = raw.utf8
    if bytes.isEmpty { return "it is empty" }
    if bytes.count > maximumLength {
      return "it is \(bytes.count) bytes long; the maximum is \(maximumLength)"
    }
    for byte in bytes where !isAllowed(byte) {
      return "it contains the disallowed byte 0x\(String(byte, radix: 16))"
    }
    return nil
  }

  private static func isAllowed(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"),
      UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
      return true
    default:
      return false
    }
  }

  static func excerpt(_ raw: String) -> String {
    let scalars = raw.unicodeScalars.prefix(40).map { scalar -> String in
      scalar.value < 0x20 || scalar.value == 0x7F
        ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }
    return scalars.joined() + (raw.unicodeScalars.count > 40 ? "…" : "")
  }
}

/// The kind of thing an ``Identifier`` names. Conformers are empty enums used as tags.
public protocol IdentifierTag: Sendable {
  /// How error messages name this kind of identifier, for example `"user id"`.
  static var displayName: String { get }
}

/// Tag for ``UserID``.
public enum UserTag: IdentifierTag {
  /// `"user id"`.
  public static var displayName: String { "user id" }
}

/// Tag for ``BeliefKey``.
public enum BeliefTag: IdentifierTag {
  /// `"belief key"`.
  public static var displayName: String { "belief key" }
}

/// Tag for ``EvidenceID``.
public enum EvidenceKind: IdentifierTag {
  /// `"evidence id"`.
  public static var displayName: String { "evidence id" }
}

/// Tag for ``SourceID``.
public enum SourceTag: IdentifierTag {
  /// `"source id"`.
  public static var displayName: String { "source id" }
}

/// Tag for ``ContextID``.
public enum ContextTag: IdentifierTag {
  /// `"context id"`.
  public static var displayName: String { "context id" }
}

/// Identifies one user, whose beliefs a ``UserModel`` holds.
public typealias UserID = Identifier<UserTag>
/// Identifies one belief within a user's model, for example `preference.answer-length`.
public typealias BeliefKey = Identifier<BeliefTag>
/// Identifies one piece of evidence; recording the same id twice counts it once.
public typealias EvidenceID = Identifier<EvidenceKind>
/// Identifies a source of evidence, such as the user, a click stream or a classifier.
public typealias SourceID = Identifier<SourceTag>
/// Identifies a context an observation came from or an estimate is asked in: an app surface
/// (`surface:onboarding`) or a situation (`module:BBB/type:TMA/pos:3`). Evidence may carry one
/// (``Evidence/context``); a ``BeliefDefinition`` may give a context its own prior
/// (``BeliefDefinition/contexts``).
public typealias ContextID = Identifier<ContextTag>
