// LearningAnalytics: the library on real student data (OULAD 2013), against the baselines of
// the data's README and the decayed-Beta reference, by the README's protocol.
//
// Run with `swift run LearningAnalytics [--full] [diagram.svg]`: the default is the fast run
// CI uses (see RunSettings); Docs/Evaluation.md quotes `swift run -c release LearningAnalytics
// --full`. Deterministic: fixed dates, deterministic searches, a seeded bootstrap.
import Foundation
import SelfModel

func format(_ value: Double?, _ digits: Int = 4, sign: Bool = false) -> String {
  value.map { String(format: sign ? "%+.\(digits)f" : "%.\(digits)f", $0) } ?? "-"
}

func days(_ seconds: Double?) -> String { seconds.map { format($0 / 86_400, 1) + " d" } ?? "none" }

let clock = ContinuousClock()
let started = clock.now
let settings = try RunSettings(arguments: Array(CommandLine.arguments.dropFirst()))

// MARK: 1. The data
// Each student is a user with two binary beliefs (mastery, on time); every outcome is one
// evidence item. 2013B (from February) tunes; 2013J (from October) is scored, replayed on top
// of the same student's 2013B history.
print("1. OULAD 2013 (CC BY 4.0, Kuzilek, Hlosta, Zdrahal 2017; trimmed, see Data/NOTICE.md)")
let data = try OULADData.bundled()
print("   \(data.studentIDs.count) students; \(settings.isFull ? "full run" : "fast run (CI)")")
for task in LearningTask.allCases {
  let events = data.events(for: task)
  let scored = events.filter(\.isScored)
  print(
    "   \(task.rawValue): \(events.count - scored.count) events in 2013B,",
    "\(scored.count) in 2013J (\(Set(scored.map(\.student)).count) students)")
}

// MARK: 2. Every model, task by task
// Same protocol for all: events in day order, each predicted from strictly earlier days (a
// day's events never see each other), then applied. Scores: log loss (nats, p clipped to
// [1e-6, 1 - 1e-6]), Brier, ECE (10 equal-width bins), AUC; dLL = model minus reference with
// the 95 % bootstrap interval over students.
var diagramSeries: [ReliabilityDiagram.Series] = []
var driftSeries: [DriftChart.Series] = []
for task in LearningTask.allCases {
  var forgettingPredictions: [Double]?
  print("\n2. Task \"\(task.rawValue)\" (\(task.statement.lowercased()))")
  let evaluation = TaskEvaluation(
    replay: LibraryReplay(task: task, events: data.events(for: task), studentIDs: data.studentIDs),
    settings: settings)
  var rows: [(String, [Double])] = [
    ("population rate (2013B)", evaluation.populationRate()),
    ("running frequency (Laplace)", evaluation.runningFrequency()),
  ]
  let (reference, referencePredictions) = evaluation.reference()
  rows.append(("REFERENCE decayed Beta", referencePredictions))
  print(
    "   reference tuned on 2013B: W = \(format(reference.priorWeight, 2)),",
    "half-life \(reference.halfLife.map { format($0, 0) + " d" } ?? "none")")
  rows.append(("library, defaults", try evaluation.library(baseRate: 0.5, policy: nil)))
  let tuning = try evaluation.tunedPolicy()
  print(
    "   library tuned on 2013B (\(tuning.evaluations) replays): W =",
    "\(format(tuning.after.priorWeight, 2)), half-life",
    days(tuning.after.halfLifeBySourceKind[.behavior]))
  rows.append(
    (
      "library, tuned",
      try evaluation.library(baseRate: evaluation.trainingRate, policy: tuning.after)
    ))
  let (priors, contextPredictions) = try evaluation.contextModel(policy: tuning.after)
  print(
    "   population + context priors (fitted in the example): \(priors.nodes.count) contexts, belief",
    "base rate \(format(priors.baseRate, 3)), W \(format(priors.priorWeight, 2))")
  rows.append(("library, tuned + population & context priors", contextPredictions))
  // The pre-registered "sources per assessment type" row (Docs/Evaluation.md): the priors
  // row's catalogue, one source per type, PolicyTuner per source on 2013B, one Backtest.
  let (sourced, sourceTuning) = try SourcedReplay(replay: evaluation.replay, settings: settings)
    .predictions(priors.definition(for: task), policy: tuning.after)
  print("   sources per assessment type, tuned on 2013B (\(sourceTuning.evaluations) replays):")
  for (source, halfLife) in sourceTuning.after.halfLifeBySource.sorted(by: { $0.key < $1.key }) {
    let reliability = sourceTuning.after.reliabilityOverrides[source] ?? 1
    print(
      "     \(source): half-life \(days(halfLife.timeInterval)), reliability \(format(reliability, 2))"
    )
  }
  rows.append(("library, tuned + priors + sources per type", sourced))
  // The pre-registered knowledge-tracing row (Docs/Evaluation.md), mastery only: one BKT
  // skill per module x type, fitted by KnowledgeTracingFit on 2013B, one step per event.
  if task == .mastery {
    let tracing = try KnowledgeTracingReplay(training: evaluation.training)
    print("   knowledge tracing fitted on 2013B (prior, learn, forget, guess, slip):")
    for (skill, fit) in tracing.fits.sorted(by: { $0.key < $1.key }) {
      let p = fit.parameters
      print(
        "     \(skill.isEmpty ? "(all)" : skill): \(format(p.prior, 3)) \(format(p.learn, 3))",
        "\(format(p.forget, 3)) \(format(p.guess, 3)) \(format(p.slip, 3)),",
        "\(fit.observations) answers, \(fit.iterations) iterations\(fit.converged ? "" : " (not converged)")"
      )
    }
    let all = tracing.predictions(evaluation.replay.events)
    rows.append(
      (
        "knowledge tracing per module x type",
        zip(evaluation.replay.events, all).filter { $0.0.isScored }.map(\.1)
      ))
  }
  // The pre-registered follow-up (Docs/Evaluation.md): the same row, base rates refitted by
  // PopulationPriorFit, once on 2013B (the control) and before every 2013J day. Full run only:
  // a refit over every student costs seconds in a debug build (PriorRefitTests covers it).
  if settings.isFull {
    let (onceFitted, _) = try evaluation.refittedContextModel(
      priors, policy: tuning.after, schedule: .once)
    rows.append(("library, tuned + priors, library fit on 2013B", onceFitted))
    let (refitted, refits) = try evaluation.refittedContextModel(
      priors, policy: tuning.after, schedule: .daily)
    print(
      "   priors refitted by PopulationPriorFit daily: \(refits) refits (days with 2013J events)")
    rows.append(("library, tuned + priors refitted daily", refitted))
    // The pre-registered "priors that forget" row (Docs/Evaluation.md): the
    // half-life chosen on 2013B alone, then the decayed daily refit on 2013J.
    let (halfLife, candidates) = try evaluation.forgettingHalfLife(priors, policy: tuning.after)
    print(
      "   priors that forget, half-life chosen on 2013B's second half:",
      candidates.map { "\($0.0.map { format($0, 0) + " d" } ?? "none") \(format($0.1))" }
        .joined(separator: ", "), "-> \(halfLife.map { format($0, 0) + " d" } ?? "none")")
    let (forgetting, _) = try evaluation.refittedContextModel(
      priors, policy: tuning.after, schedule: .daily, halfLife: halfLife)
    rows.append(("library, tuned + priors that forget, refitted daily", forgetting))
    forgettingPredictions = forgetting
  } else {
    print("   (the rows with priors refitted by PopulationPriorFit run with --full)")
  }
  let outcomes = evaluation.scored.map(\.outcome)
  ResultTable(rows: rows, outcomes: outcomes, students: evaluation.scored.map(\.student))
    .print(referenceIndex: 2, studentCount: data.studentIDs.count, settings: settings)
  // The calibration monitor's drift report: 2013J's bias week by week.
  print("   The calibration monitor on 2013J (\(task.rawValue)):")
  let belief = try BeliefKey(task.beliefKey)
  var weekly = [
    try WeeklyBias(
      name: "library + priors", events: evaluation.scored, predictions: contextPredictions,
      belief: belief)
  ]
  if let forgettingPredictions {
    weekly.append(
      try WeeklyBias(
        name: "library + priors that forget", events: evaluation.scored,
        predictions: forgettingPredictions, belief: belief))
  }
  for report in weekly { report.print() }
  let driftColors = task == .mastery ? ["#2471a3", "#8e44ad"] : ["#1e8449", "#b7950b"]
  for (report, color) in zip(weekly, driftColors) {
    driftSeries.append(.init(name: "\(task.rawValue): \(report.name)", color: color, bias: report))
  }
  let colors = task == .mastery ? ["#c0392b", "#2471a3"] : ["#e67e22", "#1e8449"]
  diagramSeries.append(
    .init(
      name: "\(task.rawValue): reference", color: colors[0],
      bins: ReliabilityBin.bins(referencePredictions, outcomes)))
  diagramSeries.append(
    .init(
      name: "\(task.rawValue): library + priors", color: colors[1],
      bins: ReliabilityBin.bins(contextPredictions, outcomes)))
}

// MARK: 3. The reliability diagram
// Observed frequency against mean prediction in 10 equal-width bins; on the diagonal is
// perfectly calibrated.
let diagram = ReliabilityDiagram(
  title: "OULAD 2013J reliability (tuned on 2013B)", series: diagramSeries)
try diagram.svg().write(toFile: settings.diagramPath, atomically: true, encoding: .utf8)
print("\n3. Wrote the reliability diagram to \(settings.diagramPath)")
let driftPath = settings.driftPath
try DriftChart(
  title: "OULAD 2013J: weekly bias seen by the calibration monitor", series: driftSeries,
  minimumEvents: 30
)
.svg().write(toFile: driftPath, atomically: true, encoding: .utf8)
print("   and the monitor's weekly bias to \(driftPath)")
print("   done in \(format(Double((clock.now - started).components.seconds), 0)) s")
