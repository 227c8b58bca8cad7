import Foundation
import SelfModel

/// What a failed decode threw, in a form a test compares with `==`: the validation error
/// (a ``ModelError`` behind `DecodingError.dataCorrupted`), or the kind of `DecodingError`
/// the JSON itself caused. A test that expects one of these fails on any other error, so it
/// cannot pass because something unrelated went wrong.
enum DecodingFailure: Equatable, CustomStringConvertible {
  /// Validation refused the value: the model error the decoder carried.
  case model(ModelError)
  /// The JSON is not JSON, or a value is not one the type accepts (an unknown enum case):
  /// `dataCorrupted` without a model error behind it.
  case corrupted
  /// A required key is missing.
  case missingKey(String)
  /// A value has the wrong JSON type.
  case wrongType
  /// A required value is `null`.
  case missingValue
  /// Decoding succeeded.
  case none
  /// Some other error (never expected).
  case other(String)

  /// Runs `body` and classifies what it threw.
  ///
  /// - Parameter body: The decode.
  /// - Returns: The failure, or ``none``.
  static func of(_ body: () throws -> Any) -> DecodingFailure {
    do {
      _ = try body()
      return .none
    } catch let error as ModelError {
      return .model(error)
    } catch let error as DecodingError {
      if let cause = ModelError(unwrapping: error) { return .model(cause) }
      switch error {
      case .dataCorrupted: return .corrupted
      case .keyNotFound(let key, _): return .missingKey(key.stringValue)
      case .typeMismatch: return .wrongType
      case .valueNotFound: return .missingValue
      @unknown default: return .other("\(error)")
      }
    } catch {
      return .other("\(error)")
    }
  }

  var description: String {
    switch self {
    case .model(let error): "model(\(error))"
    case .corrupted: "corrupted"
    case .missingKey(let key): "missingKey(\(key))"
    case .wrongType: "wrongType"
    case .missingValue: "missingValue"
    case .none: "none"
    case .other(let text): "other(\(text))"
    }
  }
}
