public import Foundation

/// Chooses the beliefs that matter for a request and renders them for a prompt, with
/// calibrated hedging: the "before generating" half of the personalization loop.
///
/// Like ``AlignmentScorer``, a selector evaluates every belief of a model once, when it is
/// made (estimates, freshness, contested marks, the ranking quality of each belief); each
/// ``prompt(for:)`` call then only matches the request, ranks the relevant beliefs and renders
/// the chosen few. It is pure and deterministic: the same model, moment, options and request
/// always give the same context, byte for byte.
///
/// The ranking is documented in ``PromptOptions``, the wording in ``HedgingBands``.
///
/// ```swift
/// let selector = try PromptSelector(model: model, at: now)
/// let context = try selector.prompt(
///   for: PromptQuery(tags: ["style"], budget: PromptBudget(beliefs: 5, characters: 800)))
/// print(context.text)
/// // What is known about this user (p: probability of the stated outcome; hedges are calibrated):
/// // - very likely: Prefers concise answers (p 0.86, strong evidence; why: tag "style")
/// ```
public struct PromptSelector: Sendable {
  /// One belief, evaluated once.
  struct Row: Sendable {
    var definition: BeliefDefinition
    var isBinary: Bool
    var leading: Int
    var probability: Double
    var baseRate: Double
    var confidence: Double
    var totalEvidence: Double
    var freshness: Double
    var informativeness: Double
    var isContested: Bool
    var isStale: Bool
    var quality: Double
  }

  /// The moment the model was evaluated at.
  public let evaluatedAt: Date
  /// The ranking and wording options.
  public let options: PromptOptions
  var rows: [Row] = []
  /// Each row's definition, and its quality (0 for a belief without evidence), kept apart
  /// from ``rows`` so that matching and ranking copy no row.
  var definitions: [BeliefDefinition] = []
  var qualities: [Double] = []
  var keyIndex: [BeliefKey: Int] = [:]
  /// Row indices in the byte order of their keys, with those bytes, for prefix ranges.
  var keyOrder: [Int] = []
  var orderedKeyBytes: [[UInt8]] = []
  /// Each row's position in ``keyOrder``: ties in score break on it, without comparing strings.
  var keyRank: [Int] = []
  var tagIndex: [String: [Int]] = [:]
  /// Each row's line up to its reasons (see ``linePrefix(_:)``), and its length in characters.
  var linePrefixes: [String] = []
  var linePrefixLengths: [Int] = []

  /// Evaluates every belief of `model` at `now`.
  ///
  /// Runs in `O(B log B)` for `B` beliefs; it reads the model only through its public API
  /// (``UserModel/estimates(at:)`` and ``UserModel/staleBeliefs(at:maximumFreshness:)``).
  ///
  /// - Parameters:
  ///   - model: The user's model.
  ///   - context: The situation the prompt is for, such as an app surface (a ``ContextID``,
  ///     not a ``PromptContext``): beliefs that list it are estimated from its prior, the others
  ///     from their own (``UserModel/estimates(beliefs:in:at:)``). Default `nil`.
  ///   - now: The moment to evaluate at.
  ///   - options: Ranking and wording (default ``PromptOptions/init(informativenessWeight:confidenceWeight:freshnessWeight:staleFreshness:contestedMinimumEvidence:contestedMinimumConflict:hedging:)``).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a bad `now`, the error of
  ///   ``PromptOptions/validate()``, or ``ModelError/unknownContext(belief:context:)`` when no
  ///   belief lists `context`.
  public init(
    model: UserModel, in context: ContextID? = nil, at now: Date,
    options: PromptOptions = PromptOptions()
  ) throws(ModelError) {
    try options.validate()
    self.evaluatedAt = now
    self.options = options
    var freshness: [BeliefKey: Double] = [:]
    for stale in try model.staleBeliefs(at: now, maximumFreshness: 1) {
      freshness[stale.estimate.key] = stale.freshness
    }
    let definitions = model.beliefs
    let estimates = try model.estimates(beliefs: nil, in: context, at: now)
    rows.reserveCapacity(definitions.count)
    for (definition, estimate) in zip(definitions, estimates) {
      append(row(definition, estimate, freshness: freshness[definition.key] ?? 1))
    }
    keyOrder = rows.indices.sorted {
      rows[$0].definition.key.rawValue.utf8.lexicographicallyPrecedes(
        rows[$1].definition.key.rawValue.utf8)
    }
    orderedKeyBytes = keyOrder.map { Array(rows[$0].definition.key.rawValue.utf8) }
    keyRank = Array(repeating: 0, count: rows.count)
    for (position, index) in keyOrder.enumerated() { keyRank[index] = position }
  }

  /// Adds one evaluated belief to every table.
  private mutating func append(_ row: Row) {
    let definition = row.definition
    keyIndex[definition.key] = rows.count
    for tag in definition.tags { tagIndex[tag, default: []].append(rows.count) }
    rows.append(row)
    let prefix = linePrefix(row)
    linePrefixes.append(prefix)
    linePrefixLengths.append(prefix.count)
    definitions.append(definition)
    qualities.append(row.totalEvidence > 0 ? row.quality : 0)
  }

  private func row(_ definition: BeliefDefinition, _ estimate: BeliefEstimate, freshness: Double)
    -> Row
  {
    let probabilities = estimate.probabilities
    var leading = 0
    for k in probabilities.indices where probabilities[k] > probabilities[leading] { leading = k }
    // The prior the estimate was made from: the context's base rates when it was made in one.
    let rates = estimate.baseRates
    let distance = zip(probabilities, rates).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    let informativeness = min(1, distance / (1 - (rates.min() ?? 0)))
    let total = estimate.totalEvidence
    let k = Double(rates.count)
    // A dynamic belief's mixed answers are a learning curve, never a conflict.
    let conflict =
      total > 0 && estimate.mastery == nil
      ? (1 - (estimate.evidence.max() ?? 0) / total) * k / (k - 1) : 0
    let fresh = min(1, freshness)
    let confidence = total > 0 ? estimate.confidence : 0
    let quality =
      definition.importance
      * (options.informativenessWeight * informativeness + options.confidenceWeight * confidence
        + options.freshnessWeight * fresh)
    return Row(
      definition: definition, isBinary: definition.isBinary, leading: leading,
      probability: probabilities[leading],
      baseRate: rates[leading], confidence: confidence, totalEvidence: total, freshness: fresh,
      informativeness: informativeness,
      isContested: total >= options.contestedMinimumEvidence && total > 0
        && conflict >= options.contestedMinimumConflict,
      isStale: total > 0 && fresh <= options.staleFreshness, quality: quality)
  }

  /// Chooses, ranks and renders the beliefs relevant to `request`, within its budget.
  ///
  /// Relevant beliefs with evidence are ranked by score (see ``PromptOptions``) and taken in
  /// order while the belief budget lasts; a line that would overflow the character budget is
  /// skipped and the next one tried. Relevant beliefs without evidence are never included.
  /// Up to ``PromptQuery/excludedLimit`` of the others are listed in
  /// ``PromptContext/excluded`` with their reason, ranked ones first.
  ///
  /// - Parameter request: The request.
  /// - Returns: The context.
  /// - Throws: ``ModelError/unknownBelief(_:)`` for a named key the model lacks;
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for an empty or negative budget or
  ///   excluded limit, or a relevance outside `0...1`; ``ModelError/nonFiniteNumber(field:)``
  ///   for a NaN relevance; ``ModelError/invalidText(field:reason:)`` for an empty prefix or
  ///   tag.
  public func prompt(for request: PromptQuery) throws(ModelError) -> PromptContext {
    try request.budget.validate()
    guard request.excludedLimit >= 0 else {
      throw .numberOutOfRange(
        field: "excludedLimit", value: Double(request.excludedLimit), allowed: "0 or more")
    }
    let matches = try match(request)
    var ranked: [(index: Int, score: Double)] = []
    ranked.reserveCapacity(matches.touched.count)
    var unknown: [Int] = []
    for index in matches.touched {
      if qualities[index] > 0 {
        ranked.append((index, matches.relevance[index] * qualities[index]))
      } else {
        unknown.append(index)
      }
    }
    unknown.sort { keyRank[$0] < keyRank[$1] }
    return assemble(ranked: ranked, unknown: unknown, matches: matches, request: request)
  }

  /// Whether `a` ranks before `b`: higher score, then key order.
  private func precedes(_ a: (index: Int, score: Double), _ b: (index: Int, score: Double))
    -> Bool
  {
    a.score != b.score ? a.score > b.score : keyRank[a.index] < keyRank[b.index]
  }

  /// The best `count` items in order, and the others unordered: most requests need only the
  /// first few of many relevant beliefs, so the rest is sorted only if the budget reaches it.
  private func split(_ ranked: [(index: Int, score: Double)], keeping count: Int) -> (
    top: [(index: Int, score: Double)], rest: [(index: Int, score: Double)]
  ) {
    var top: [(index: Int, score: Double)] = []
    // The budget is the caller's: never allocate by it, only by what there is to rank.
    top.reserveCapacity(min(count, ranked.count) + 1)
    var rest: [(index: Int, score: Double)] = []
    rest.reserveCapacity(ranked.count)
    for item in ranked {
      if top.count == count, let last = top.last, !precedes(item, last) {
        rest.append(item)
        continue
      }
      var position = top.count
      while position > 0 && precedes(item, top[position - 1]) { position -= 1 }
      top.insert(item, at: position)
      if top.count > count { rest.append(top.removeLast()) }
    }
    return (top, rest)
  }

  /// The context being built: text, its length in characters, and the entries so far.
  private struct Assembly {
    var text = PromptSelector.header
    var length = PromptSelector.headerLength
    var entries: [PromptEntry] = []
    var excluded: [PromptEntry] = []
    /// How many relevant beliefs the character budget left out (listed or not).
    var cutByCharacters = 0

    /// Appends an included line to the text.
    mutating func append(_ line: String, length lineLength: Int) {
      text += "\n"
      text += line
      length += 1 + lineLength
    }
  }

  private func assemble(
    ranked: [(index: Int, score: Double)], unknown: [Int], matches: Matches,
    request: PromptQuery
  ) -> PromptContext {
    var assembly = Assembly()
    assembly.text.reserveCapacity(Self.header.utf8.count + min(request.budget.beliefs, 64) * 160)
    let (kept, overflow) = request.budget.beliefs.addingReportingOverflow(request.excludedLimit)
    let (top, rest) = split(ranked, keeping: overflow ? Int.max : kept)
    for (index, score) in top {
      place(index, score: score, into: &assembly, matches: matches, request: request)
    }
    let full = assembly.entries.count >= request.budget.beliefs
    if !rest.isEmpty && !(full && assembly.excluded.count >= request.excludedLimit) {
      for (index, score) in rest.sorted(by: precedes) {
        place(index, score: score, into: &assembly, matches: matches, request: request)
      }
    }
    for index in unknown where assembly.excluded.count < request.excludedLimit {
      let (reasons, line, _) = reasonsAndLine(index, matches, request)
      assembly.excluded.append(entry(index, score: 0, reasons: reasons, .noEvidence, line: line))
    }
    let text = Self.finished(
      assembly.text, length: assembly.length, included: assembly.entries.count,
      cut: assembly.cutByCharacters, limit: request.budget.characters)
    return PromptContext(
      evaluatedAt: evaluatedAt, entries: assembly.entries, excluded: assembly.excluded,
      relevantCount: matches.touched.count, text: text)
  }

  /// Includes one ranked belief if the budget allows, or lists it as excluded.
  private func place(
    _ index: Int, score: Double, into assembly: inout Assembly, matches: Matches,
    request: PromptQuery
  ) {
    let full = assembly.entries.count >= request.budget.beliefs
    if full && assembly.excluded.count >= request.excludedLimit { return }
    let (reasons, line, length) = reasonsAndLine(index, matches, request)
    var exclusion: PromptExclusion? = full ? .overBeliefBudget : nil
    if !full, let characters = request.budget.characters,
      assembly.length + 1 + length > characters
    {
      exclusion = .overCharacterBudget
      assembly.cutByCharacters += 1
    }
    let entry = self.entry(index, score: score, reasons: reasons, exclusion, line: line)
    if exclusion == nil {
      assembly.entries.append(entry)
      assembly.append(line, length: length)
    } else if assembly.excluded.count < request.excludedLimit {
      assembly.excluded.append(entry)
    }
  }

  private func entry(
    _ index: Int, score: Double, reasons: [PromptReason], _ exclusion: PromptExclusion?,
    line: String
  ) -> PromptEntry {
    let row = rows[index]
    return PromptEntry(
      key: row.definition.key, statement: row.definition.statement,
      outcome: row.definition.outcomes[row.leading], probability: row.probability,
      baseRate: row.baseRate, confidence: row.confidence, totalEvidence: row.totalEvidence,
      freshness: row.freshness, informativeness: row.informativeness,
      marks: (row.isContested, row.isStale), score: score, reasons: reasons,
      exclusion: exclusion, line: line)
  }
}
