import Foundation

/// The limits the model enforces on what callers send, stated once so that an edge's schemas
/// (the MCP tools', the OpenAPI document's) are written from them instead of repeating them.
///
/// Each number is the one the model's validation uses: an input beyond it is a
/// ``ModelError``, never a crash.
///
/// ```swift
/// ModelLimits.identifierPattern   // "^[A-Za-z0-9._:@+/=-]+$"
/// ModelLimits.maximumWeight       // 1,000,000 plain observations
/// ```
public enum ModelLimits {
  /// The longest identifier (user id, belief key, evidence, source, context, candidate and
  /// response ids), in UTF-8 bytes; the allowed characters are ASCII, so also in characters.
  public static var maximumIdentifierBytes: Int { UserID.maximumLength }
  /// The characters an identifier may hold, as a JSON Schema (ECMA 262) pattern: ASCII
  /// letters, digits and `. _ : @ + / = -`, at least one.
  public static var identifierPattern: String { "^[A-Za-z0-9._:@+/=-]+$" }
  /// The longest evidence note, in UTF-8 bytes (no control characters but newline and tab).
  public static var maximumNoteBytes: Int { Check.maximumNoteLength }
  /// The longest outcome name, in UTF-8 bytes.
  public static var maximumOutcomeBytes: Int { Check.maximumOutcomeLength }
  /// The longest tag (of a belief, or named in a context request), in UTF-8 bytes.
  public static var maximumTagBytes: Int { Check.maximumOutcomeLength }
  /// The most plain observations one evidence item may be worth (weights are in `(0, this]`).
  public static var maximumWeight: Double { Check.maximumWeight }
  /// The earliest and latest time evidence may carry, as ISO 8601 strings: within 1e10 seconds
  /// of 2001-01-01 (about 1684 to 2318). A time is also refused when it lies further ahead of
  /// the store's clock than the revision policy's `futureTolerance` (default 300 s).
  public static var timeRange: (earliest: String, latest: String) {
    (
      Timestamp.string(from: Date(timeIntervalSinceReferenceDate: -Check.maximumTimeMagnitude)),
      Timestamp.string(from: Date(timeIntervalSinceReferenceDate: Check.maximumTimeMagnitude))
    )
  }
}
