import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// A straightforward transcription of the formulas in `Docs/Alignment.md`, kept as the oracle
/// for ``AlignmentScorer``: one dictionary lookup per stance, every Beta quantile computed when
/// it is needed, one stable sort of whole stance alignments. Its arithmetic runs in the same
/// order as the scorer's, so the two must agree bit for bit.
struct ReferenceAlignmentScorer {
  let estimates: [BeliefKey: BeliefEstimate]
  let now: Date
  let level: Double

  init(model: UserModel, at now: Date, level: Double = 0.95) throws {
    let pairs = try model.estimates(at: now).map { ($0.key, $0) }
    self.estimates = Dictionary(uniqueKeysWithValues: pairs)
    self.now = now
    self.level = level
  }

  /// One known stance before weighting.
  struct Part {
    var agreement: Double
    var chance: Double
    var interval: ClosedRange<Double>
    var confidence: Double
    var signed: Double
    var range: ClosedRange<Double>
  }

  func rank(_ candidates: [Candidate]) throws -> [RankedCandidate] {
    let reports = try candidates.map { try score($0) }
    let order = reports.indices.sorted { a, b in
      let (x, y) = (reports[a], reports[b])
      if x.score != y.score { return x.score > y.score }
      if x.coverage != y.coverage { return x.coverage > y.coverage }
      return x.candidate < y.candidate
    }
    return order.enumerated().map { rank, index in
      RankedCandidate(rank: rank + 1, candidate: candidates[index], report: reports[index])
    }
  }

  func score(_ candidate: Candidate) throws -> AlignmentReport {
    var (known, evidenced, total) = (0.0, 0.0, 0.0)
    var (score, lower, upper) = (0.0, 0.0, 0.0)
    var entries: [(part: Part, stance: Stance, weighted: Double)] = []
    var unknown: [Stance] = []
    for stance in candidate.stances {
      total += stance.importance
      guard let estimate = estimates[stance.belief] else {
        unknown.append(stance)
        continue
      }
      known += stance.importance
      if estimate.totalEvidence > 0 { evidenced += stance.importance }
      let part = try assess(stance, estimate)
      score += stance.importance * part.signed
      lower += stance.importance * part.range.lowerBound
      upper += stance.importance * part.range.upperBound
      entries.append((part, stance, stance.importance * part.signed))
    }
    let scale = known > 0 ? 1 / known : 0
    let alignments = Self.sorted(entries).map { entry in
      StanceAlignment(
        stance: entry.stance, agreement: entry.part.agreement, chance: entry.part.chance,
        agreementInterval: entry.part.interval, confidence: entry.part.confidence,
        evidenceAgreement: entry.part.confidence > 0
          ? entry.part.signed / entry.part.confidence : 0,
        signedAgreement: entry.part.signed, range: entry.part.range,
        impact: entry.weighted * scale)
    }
    let clamped = min(max(score * scale, -1), 1)
    return AlignmentReport(
      candidate: candidate.id, label: candidate.label, score: clamped,
      range: max(-1, min(lower * scale, clamped))...min(1, max(upper * scale, clamped)),
      coverage: total > 0 ? min(1, evidenced / total) : 0,
      supporting: alignments.filter { $0.impact > 0 },
      conflicting: alignments.filter { $0.impact < 0 },
      neutral: alignments.filter { !($0.impact > 0) && !($0.impact < 0) }, unknown: unknown,
      evaluatedAt: now)
  }

  /// Supporting (largest impact first), conflicting (most negative first), neutral; a stable
  /// sort, so ties keep the candidate's order.
  static func sorted(_ entries: [(part: Part, stance: Stance, weighted: Double)])
    -> [(part: Part, stance: Stance, weighted: Double)]
  {
    let group = { (w: Double) in w > 0 ? 0 : w < 0 ? 1 : 2 }
    return entries.enumerated().sorted { a, b in
      let (ga, gb) = (group(a.element.weighted), group(b.element.weighted))
      if ga != gb { return ga < gb }
      let (ma, mb) = (abs(a.element.weighted), abs(b.element.weighted))
      return ma != mb ? ma > mb : a.offset < b.offset
    }.map(\.element)
  }

  func assess(_ stance: Stance, _ estimate: BeliefEstimate) throws -> Part {
    switch stance.assertion {
    case .outcome(let name):
      guard let k = estimate.outcomes.firstIndex(of: name) else {
        throw ModelError.unknownOutcome(belief: stance.belief, outcome: name)
      }
      var agreement = estimate.probabilities[k]
      var chance = estimate.baseRates[k]
      var interval = try marginalInterval(estimate, k)
      if stance.isDenial {
        agreement = 1 - agreement
        chance = 1 - chance
        interval = (1 - interval.upperBound)...(1 - interval.lowerBound)
      }
      return part(estimate, agreement, chance, interval, lowest: 0, highest: 1)
    case .distribution(let masses):
      var q = Array(repeating: 0.0, count: estimate.outcomes.count)
      for (name, mass) in masses {
        guard let k = estimate.outcomes.firstIndex(of: name) else {
          throw ModelError.unknownOutcome(belief: stance.belief, outcome: name)
        }
        q[k] = stance.isDenial ? 1 - mass : mass
      }
      if stance.isDenial {
        for k in q.indices where masses[estimate.outcomes[k]] == nil { q[k] = 1 }
      }
      return try vectorPart(estimate, q)
    case .likelihoodRatio, .jeffrey:
      throw ModelError.invalidDistribution(field: "assertion", reason: "not a stance")
    }
  }

  func marginalInterval(_ estimate: BeliefEstimate, _ k: Int) throws -> ClosedRange<Double> {
    let (total, weight, rate) = (
      estimate.totalEvidence, estimate.priorWeight, estimate.baseRates[k]
    )
    let alpha = estimate.evidence[k] + weight * rate
    let beta = max(total - estimate.evidence[k], 0) + weight * (1 - rate)
    return try BetaDistribution(alpha: alpha, beta: beta).equalTailedInterval(level: level)
  }

  func vectorPart(_ estimate: BeliefEstimate, _ q: [Double]) throws -> Part {
    let p = estimate.probabilities
    var (agreement, chance, second) = (0.0, 0.0, 0.0)
    for k in q.indices {
      agreement += p[k] * q[k]
      chance += estimate.baseRates[k] * q[k]
      second += p[k] * q[k] * q[k]
    }
    let (lowest, highest) = (q.min() ?? 0, q.max() ?? 1)
    let interval: ClosedRange<Double>
    if q.count == 2 {
      let first = try marginalInterval(estimate, 0)
      let ends = [first.lowerBound, first.upperBound].map { q[0] * $0 + q[1] * (1 - $0) }
      interval = min(ends[0], ends[1])...max(ends[0], ends[1])
    } else {
      let concentration = estimate.totalEvidence + estimate.priorWeight
      let variance = max(0, second - agreement * agreement) / (concentration + 1)
      interval = try momentMatched(agreement, variance, lowest: lowest, highest: highest)
    }
    return part(estimate, agreement, chance, interval, lowest: lowest, highest: highest)
  }

  func momentMatched(_ mean: Double, _ variance: Double, lowest: Double, highest: Double) throws
    -> ClosedRange<Double>
  {
    let width = highest - lowest
    guard width > 0, variance > 0 else { return mean...mean }
    let m = min(max((mean - lowest) / width, 1e-12), 1 - 1e-12)
    let concentration = m * (1 - m) / (variance / (width * width)) - 1
    guard concentration > 0 else { return lowest...highest }
    let unit = try BetaDistribution(alpha: m * concentration, beta: (1 - m) * concentration)
      .equalTailedInterval(level: level)
    return (lowest + width * unit.lowerBound)...(lowest + width * unit.upperBound)
  }

  func part(
    _ estimate: BeliefEstimate, _ agreement: Double, _ chance: Double,
    _ interval: ClosedRange<Double>, lowest: Double, highest: Double
  ) -> Part {
    let signed = { (x: Double) -> Double in
      if x > chance { return highest > chance ? min(1, (x - chance) / (highest - chance)) : 0 }
      if x < chance { return chance > lowest ? max(-1, (x - chance) / (chance - lowest)) : 0 }
      return 0
    }
    let s = signed(agreement)
    return Part(
      agreement: agreement, chance: chance, interval: interval,
      confidence: estimate.totalEvidence > 0 ? estimate.confidence : 0, signed: s,
      range: min(signed(interval.lowerBound), s)...max(signed(interval.upperBound), s))
  }
}

/// Seeded candidates richer than ``AlignmentFixtures/candidate(_:using:id:)``: outcome and
/// distribution stances, denials, zero and tied importances, and stances on undeclared beliefs.
enum ReferenceFixtures {
  static func candidates(
    _ model: UserModel, count: Int, using random: inout AlignmentTestRandom
  ) throws -> [Candidate] {
    try (0..<count).map { index in
      var stances: [Stance] = []
      for definition in model.beliefs.shuffled(using: &random)
      where stances.isEmpty || Bool.random(using: &random) {
        stances.append(try stance(on: definition, using: &random))
      }
      if Int.random(in: 0..<4, using: &random) == 0 {
        stances.append(try Stance(belief: "not.declared", asserts: .holds, importance: 0.5))
      }
      return try Candidate(id: CandidateID("c-\(index % 7)-\(index)"), stances: stances)
    }
  }

  static func stance(on definition: BeliefDefinition, using random: inout AlignmentTestRandom)
    throws -> Stance
  {
    let importances: [Double] = [0, 0.5, 1, 1, 2, 2.5]
    let importance =
      Bool.random(using: &random)
      ? importances.randomElement(using: &random) ?? 1 : Double.random(in: 0...3, using: &random)
    let assertion: EvidenceContent
    if Int.random(in: 0..<3, using: &random) == 0 {
      let named = definition.outcomes.shuffled(using: &random).prefix(2)
      let first = Double.random(in: 0...1, using: &random)
      var masses: [String: Double] = [:]
      for (offset, name) in named.enumerated() { masses[name] = offset == 0 ? first : 1 - first }
      assertion = .distribution(masses)
    } else {
      assertion = .outcome(definition.outcomes.randomElement(using: &random) ?? "true")
    }
    return try Stance(
      belief: definition.key, assertion: assertion, isDenial: Bool.random(using: &random),
      importance: importance)
  }
}

@Suite struct AlignmentReferenceTests {
  let now = AlignmentFixtures.start + 70 * AlignmentFixtures.day

  @Test(arguments: [11, 12, 13, 14] as [UInt64])
  func rankingMatchesTheReferenceExactly(seed: UInt64) throws {
    var random = AlignmentTestRandom(seed: seed)
    for _ in 0..<50 {
      let beliefs = Int.random(in: 1...12, using: &random)
      let model = try AlignmentFixtures.model(&random, beliefs: beliefs)
      let candidates = try ReferenceFixtures.candidates(model, count: 12, using: &random)
      let reference = try ReferenceAlignmentScorer(model: model, at: now)
      let scorer = try AlignmentScorer(model: model, at: now)
      #expect(try scorer.rank(candidates) == reference.rank(candidates))
      #expect(try candidates.map(scorer.score) == candidates.map(reference.score))
    }
  }

  @Test func anUnknownOutcomeThrowsTheSameError() throws {
    var random = AlignmentTestRandom(seed: 15)
    let model = try AlignmentFixtures.model(&random, beliefs: 4)
    let bad = try Candidate(
      id: "bad",
      stances: [
        try Stance(belief: "belief.0", asserts: .holds),
        try Stance(belief: "belief.3", denies: .outcome("sarcastic")),
      ])
    let reference = try ReferenceAlignmentScorer(model: model, at: now)
    let scorer = try AlignmentScorer(model: model, at: now)
    let expected = #expect(throws: ModelError.self) { try reference.rank([bad]) }
    let actual = #expect(throws: ModelError.self) { try scorer.rank([bad]) }
    #expect(actual == expected)
  }

  @Test func equalImpactsKeepTheCandidatesOrder() throws {
    var model = try UserModel(user: "ties")
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    for index in 0..<5 {
      let key = try BeliefKey("tie.\(index)")
      try model.declare(.binary(key, statement: "Tie \(index)"))
      guard index < 4 else { continue }
      try model.record(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: key, content: .holds, weight: 2,
          source: "user", observedAt: now),
        at: now)
    }
    let stances = [
      try Stance(belief: "tie.3", denies: .holds), try Stance(belief: "tie.1", asserts: .holds),
      try Stance(belief: "tie.4", asserts: .holds), try Stance(belief: "tie.0", asserts: .holds),
      try Stance(belief: "tie.2", denies: .holds),
    ]
    let candidate = try Candidate(id: "ties", stances: stances)
    let report = try AlignmentScorer(model: model, at: now).score(candidate)
    #expect(report.supporting.map(\.stance.belief) == ["tie.1", "tie.0"])
    #expect(report.conflicting.map(\.stance.belief) == ["tie.3", "tie.2"])
    #expect(report.neutral.map(\.stance.belief) == ["tie.4"])
    #expect(try report == ReferenceAlignmentScorer(model: model, at: now).score(candidate))
  }
}
