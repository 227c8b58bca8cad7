// The personalization loop, end to end: before each answer the assistant ranks candidate
// answers by alignment with the user's model; after it, the user's reaction becomes evidence.
// A seeded population with hidden preferences plays the user. Run: `swift run PersonalizationLoop`.
import Foundation
import SelfModel
import SelfModelTesting

let noiseLevels = [0.05, 0.10, 0.15, 0.35]
let defaults = PersonalizationSimulation()

// MARK: 1. The simulation and its parameters
print("1. The simulation (every number below is seeded and deterministic)")
print("   users \(defaults.users), beliefs \(defaults.beliefs) (binary), rounds \(defaults.rounds)")
print(
  "   candidates per request \(defaults.candidatesPerRound), stances per answer "
    + "\(defaults.stancesPerAnswer), seed \(defaults.seed)")
print(
  "   hidden population rates uniform in \(defaults.populationRates); the assistant starts "
    + "every belief at 0.5")
print("   P(accept) = noise + (1 - 2 noise) * f, f = share of the answer's stances that match")
print("   default noise \(defaults.noise); reactions recorded with the default ReactionLikelihood")

// MARK: 2. Run the loop against a no-memory baseline and an oracle
print("\n2. Acceptance and alignment of the chosen answer (mean over users)")
var curves: [Double: PersonalizationCurve] = [:]
for noise in noiseLevels {
  var simulation = defaults
  simulation.noise = noise
  curves[noise] = try simulation.run()
}
guard let main = curves[defaults.noise] else { fatalError("the default noise level is run") }
let ratios = main.loopToOracle(window: 5)
print("   round | loop acc | random acc | oracle acc | loop/oracle (5-round) | loop align")
for round in [1, 5, 10, 20, 30, 50, 75, 100] {
  let record = main.rounds[round - 1]
  print(
    "   \(String(round).padding(toLength: 5, withPad: " ", startingAt: 0)) | "
      + "\(decimal(record.loopAcceptance))     | \(decimal(record.baselineAcceptance))       | "
      + "\(decimal(record.oracleAcceptance))       | \(decimal(ratios[round - 1]))"
      + "                  | \(decimal(record.loopAlignment))")
}
let settled = main.firstRound(reaching: 0.9).map { "round \($0)" } ?? "never"
print("   loop within 90 % of the oracle (5-round average) from \(settled) on")

// MARK: 3. Regret
print("\n3. Cumulative regret against the oracle (accepted answers lost per user, 100 rounds)")
print(
  "   loop \(decimal(main.cumulativeRegret)), no-memory baseline \(decimal(main.baselineRegret))")

// MARK: 4. The prompt context of one user as the model learns
print("\n4. The prompt context for user 0 (5 beliefs at most) at rounds 1, 10 and 50")
for round in [1, 10, 50] {
  guard let model = main.watchedModels[round] else { continue }
  let now = defaults.start.addingTimeInterval(Double(round - 1) * 3_600)
  let selector = try PromptSelector(model: model, at: now)
  let context = try selector.prompt(for: PromptQuery(budget: PromptBudget(beliefs: 5)))
  print("   -- round \(round) (\(model.evidence.count) evidence items)")
  for line in context.text.split(separator: "\n") { print("   \(line)") }
}

// MARK: 5. Three noise levels
print("\n5. Four noise levels: when does the loop settle within 90 % of the oracle?")
for noise in noiseLevels {
  guard let curve = curves[noise] else { continue }
  let ratio = curve.loopToOracle(window: 5)
  let first = curve.firstRound(reaching: 0.9).map { "round \($0)" } ?? "never"
  let verdict = (curve.firstRound(reaching: 0.9) ?? .max) <= 30 ? "meets" : "misses"
  print(
    "   noise \(decimal(noise)): settles from \(first) (\(verdict) the 30-round bar); "
      + "ratio at 10/30/100: \(decimal(ratio[9])) / \(decimal(ratio[29])) / \(decimal(ratio[99])); "
      + "regret \(decimal(curve.cumulativeRegret))")
}
print(
  "   At high noise only 1 - 2 noise of each reaction depends on the answer, so each reaction\n"
    + "   says little about any one stance and 30 rounds are not enough evidence to rank well.")

// MARK: 6. Plots
print("\n6. Plots")
let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  .appendingPathComponent("selfmodel-personalization")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
for noise in noiseLevels {
  guard let curve = curves[noise] else { continue }
  let acceptance = SVGChart(
    title: "Acceptance rate, noise \(decimal(noise))", yLabel: "acceptance", yRange: 0.3...1,
    series: [
      .init(name: "oracle", color: "#2a9d2a", values: curve.rounds.map(\.oracleAcceptance)),
      .init(name: "loop", color: "#1f5fbf", values: curve.rounds.map(\.loopAcceptance)),
      .init(
        name: "random (no memory)", color: "#c0392b",
        values: curve.rounds.map(\.baselineAcceptance)),
    ])
  let alignment = SVGChart(
    title: "True alignment of the chosen answer, noise \(decimal(noise))", yLabel: "alignment",
    yRange: -0.2...1,
    series: [
      .init(name: "oracle", color: "#2a9d2a", values: curve.rounds.map(\.oracleAlignment)),
      .init(name: "loop", color: "#1f5fbf", values: curve.rounds.map(\.loopAlignment)),
      .init(
        name: "random (no memory)", color: "#c0392b",
        values: curve.rounds.map(\.baselineAlignment)),
    ])
  let file = folder.appendingPathComponent("loop-noise-\(decimal(noise)).svg")
  try SVGChart.document([acceptance, alignment]).write(to: file, atomically: true, encoding: .utf8)
  print("   wrote selfmodel-personalization/\(file.lastPathComponent)")
}

// MARK: 7. One reaction, as evidence
print("\n7. One reaction becomes evidence; a retry counts once")
guard var model = main.watchedModels[10] else { fatalError("round 10 is watched") }
let now = defaults.start.addingTimeInterval(9 * 3_600)
let answer = try Candidate(
  id: "answer-1",
  stances: [
    Stance(belief: "style.concise", asserts: .holds, importance: 2),
    Stance(belief: "format.bullets", asserts: .distribution(["true": 0.7, "false": 0.3])),
  ])
let response = try AssistantResponse(id: "request-42", candidates: [answer])
let reaction = Reaction(candidate: "answer-1", kind: .rated(4, scale: 1...5), observedAt: now)
let first = try model.record(reaction, to: response, at: now)
let retry = try model.record(reaction, to: response, at: now)
for id in first.recorded {
  guard let item = model.evidence(id) else { continue }
  print("   \(id): \(item.belief) \(item.content) weight \(decimal(item.weight))")
}
print("   retry: \(retry.recorded.count) recorded, \(retry.duplicates.count) duplicates")
