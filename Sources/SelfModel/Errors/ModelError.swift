/// The single error type of the `SelfModel` module: every way a caller's input, a policy or a
/// decoded snapshot can be wrong.
///
/// Each case names the offending field or entity, so the message alone tells the caller what to
/// fix. Every throwing API in the module leaves the value it was called on exactly as it was
/// before the call when it throws.
///
/// ```swift
/// let raw = request.beliefKey  // a string from outside, say ""
/// do {
///   _ = try BeliefKey(raw)
/// } catch {
///   print(error)  // invalid belief key "": it is empty
/// }
/// ```
public enum ModelError: Error, Sendable, Hashable, CustomStringConvertible {
  /// An identifier (user, belief key, evidence or source id) failed validation.
  case invalidIdentifier(kind: String, value: String, reason: String)
  /// A number that must be finite was NaN or infinite.
  case nonFiniteNumber(field: String)
  /// A number was finite but outside the range its field allows.
  case numberOutOfRange(field: String, value: Double, allowed: String)
  /// A piece of text (a statement, an outcome name, a note, metadata) was empty or too long.
  case invalidText(field: String, reason: String)
  /// A belief was declared with fewer than two outcomes.
  case tooFewOutcomes(belief: BeliefKey, count: Int)
  /// A belief was declared with the same outcome name twice.
  case duplicateOutcome(belief: BeliefKey, outcome: String)
  /// A distribution (base rates or soft evidence) does not sum to 1 or has the wrong shape.
  case invalidDistribution(field: String, reason: String)
  /// An outcome name that the belief does not have.
  case unknownOutcome(belief: BeliefKey, outcome: String)
  /// A belief key that the model has not declared.
  case unknownBelief(BeliefKey)
  /// A belief key that the model has already declared.
  case duplicateBelief(BeliefKey)
  /// A belief cannot be changed that way (for example, its outcomes while evidence refers to
  /// them).
  case incompatibleRedeclaration(belief: BeliefKey, reason: String)
  /// A source id that the model does not know.
  case unknownSource(SourceID)
  /// A reaction names a candidate that the response did not show.
  case unknownCandidate(response: ResponseID, candidate: CandidateID)
  /// An estimate was asked in a context that the belief does not list
  /// (``BeliefDefinition/contexts``), or, for a question over many beliefs, that none of
  /// them lists (`belief` is then `nil`).
  case unknownContext(belief: BeliefKey?, context: ContextID)
  /// A time lies further in the future than the policy's tolerance allows.
  case evidenceFromFuture(evidence: EvidenceID, field: String, secondsAhead: Double)
  /// An evidence id was reused for different content (the same content is accepted and counted
  /// once).
  case evidenceIDReused(EvidenceID)
  /// A snapshot or document was written by a newer format than this library reads.
  case unsupportedFormatVersion(found: Int, supported: ClosedRange<Int>)
  /// A snapshot or document is internally inconsistent.
  case corruptSnapshot(reason: String)
  /// The computation is undefined for the given input (for example, AUC with one class).
  case undefined(quantity: String, reason: String)
  /// A belief or source that the model's ``Catalogue`` defines was changed through the model;
  /// it changes only when a new catalogue version is published. The value names the entry.
  case definedByCatalogue(String)
  /// A catalogue change or a catalogue and a model that do not fit together: the reason says
  /// which entry and why.
  case incompatibleCatalogue(reason: String)
  /// A population fit found no user with a trial: of `belief`, or of any belief when `belief`
  /// is `nil` (see ``PopulationPriorFit``).
  case emptyPopulation(belief: BeliefKey?)
  /// A population fit of `belief` (in `context`, or over all its evidence when `nil`) has no
  /// finite maximum: `outcome` took every trial, or (for a belief with more than two
  /// outcomes) none. ``DegenerateFitPolicy`` says what to publish instead.
  case degenerateFit(belief: BeliefKey, context: ContextID?, outcome: String)
  /// A dynamic belief (``BeliefKind/dynamic(_:)``) does not take this evidence or answer this
  /// question: the reason says which (for example soft or virtual evidence, a weight other
  /// than 1, a context prior, a population prior fit of counts).
  case unsupportedForDynamicBelief(belief: BeliefKey, reason: String)

  /// A human-readable sentence naming what was wrong.
  public var description: String {
    switch self {
    case .invalidIdentifier(let kind, let value, let reason):
      return "invalid \(kind) \"\(value)\": \(reason)"
    case .nonFiniteNumber(let field):
      return "\(field) must be a finite number (got NaN or infinity)"
    case .numberOutOfRange(let field, let value, let allowed):
      return "\(field) is \(value), outside the allowed range \(allowed)"
    case .invalidText(let field, let reason):
      return "invalid \(field): \(reason)"
    case .tooFewOutcomes(let belief, let count):
      return "belief \(belief) needs at least two outcomes (got \(count))"
    case .duplicateOutcome(let belief, let outcome):
      return "belief \(belief) lists outcome \"\(outcome)\" twice"
    case .invalidDistribution(let field, let reason):
      return "invalid distribution in \(field): \(reason)"
    case .unknownOutcome(let belief, let outcome):
      return "belief \(belief) has no outcome \"\(outcome)\""
    case .unknownBelief(let key):
      return "unknown belief \(key)"
    case .duplicateBelief(let key):
      return "belief \(key) is already declared"
    case .incompatibleRedeclaration(let belief, let reason):
      return "cannot redeclare belief \(belief): \(reason)"
    case .unknownSource(let id):
      return "unknown source \(id)"
    case .unknownCandidate(let response, let candidate):
      return "response \(response) has no candidate \(candidate)"
    case .unknownContext(let belief?, let context):
      return "belief \(belief) has no context \(context)"
    case .unknownContext(nil, let context):
      return "no belief asked about has the context \(context)"
    case .evidenceFromFuture(let evidence, let field, let ahead):
      return "evidence \(evidence): \(field) is \(ahead) s in the future, beyond the tolerance"
    case .evidenceIDReused(let id):
      return "evidence id \(id) was already recorded with different content"
    case .unsupportedFormatVersion(let found, let supported):
      return
        "format version \(found) is not supported (this library reads \(supported.lowerBound)...\(supported.upperBound))"
    case .corruptSnapshot(let reason):
      return "corrupt snapshot: \(reason)"
    case .undefined(let quantity, let reason):
      return "\(quantity) is undefined: \(reason)"
    case .definedByCatalogue(let entry):
      return "\(entry) is defined by the catalogue; publish a new catalogue version to change it"
    case .incompatibleCatalogue(let reason):
      return "incompatible catalogue: \(reason)"
    case .emptyPopulation(let belief?):
      return "no user in the population has a trial of belief \(belief)"
    case .emptyPopulation(nil):
      return "no user in the population has a trial of any belief"
    case .degenerateFit(let belief, let context, let outcome):
      let place = context.map { " in context \($0)" } ?? ""
      return "the population fit of belief \(belief)\(place) is degenerate: outcome \"\(outcome)\" "
        + "took every trial or none, so the marginal likelihood has no finite maximum"
    case .unsupportedForDynamicBelief(let belief, let reason):
      return "belief \(belief) is dynamic (knowledge tracing): \(reason)"
    }
  }
}
