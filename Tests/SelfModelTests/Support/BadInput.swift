import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// One bad input: what to do to a model, and the exact error it must throw.
struct BadInput: Sendable, CustomTestStringConvertible {
  let name: String
  let expected: ModelError
  let action: @Sendable (inout UserModel) throws -> Void

  var testDescription: String { name }

  init(
    _ name: String, _ expected: ModelError,
    _ action: @escaping @Sendable (inout UserModel) throws -> Void
  ) {
    self.name = name
    self.expected = expected
    self.action = action
  }
}
