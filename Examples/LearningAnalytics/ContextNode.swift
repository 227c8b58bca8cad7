/// One context of a belief as the example fits it: its own base rate and prior weight where
/// it has them (otherwise inherited from `parent`), and its parent's name.
struct ContextNode: Sendable, Hashable {
  /// `P(true)` of the context's prior, or `nil` to inherit.
  var baseRate: Double?
  /// The context's prior weight `W_c`, or `nil` to inherit.
  var priorWeight: Double?
  /// The parent context, or `nil` for the belief's own prior.
  var parent: String?
}
