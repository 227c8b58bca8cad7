/// The name of a tenant: one customer of the service, with its own users and catalogue.
///
/// A tenant's data lives in its own store folder, `<data>/tenants/<tenant>`, so the name is
/// restricted to what is safe as a folder name on every file system: 1 to 64 lowercase ASCII
/// letters, digits, `-` and `_`, starting with a letter or digit.
///
/// ```swift
/// let tenant = try TenantID("acme")
/// ```
public struct TenantID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The name as written in the tokens file.
  public let rawValue: String

  /// Validates a tenant name.
  ///
  /// - Parameter rawValue: The name.
  /// - Throws: ``TenantTokensError`` when the name is empty, longer than 64 bytes, or holds
  ///   a byte other than `a`-`z`, `0`-`9`, `-` and `_` (or starts with `-` or `_`).
  public init(_ rawValue: String) throws(TenantTokensError) {
    let bytes = Array(rawValue.utf8)
    guard (1...64).contains(bytes.count), let first = bytes.first, Self.isAlphanumeric(first),
      bytes.allSatisfy({
        Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
      })
    else {
      throw TenantTokensError(
        "tenant name \"\(rawValue.prefix(80))\" must be 1 to 64 of a-z, 0-9, - and _, "
          + "starting with a letter or digit")
    }
    self.rawValue = rawValue
  }

  /// The name.
  public var description: String { rawValue }

  /// Orders tenants by name.
  public static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.rawValue < rhs.rawValue }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
