import BenchmarkSupport
import Foundation

// SelfModel benchmarks: `swift run -c release --package-path Benchmarks SelfModelBenchmarks`
// Options: --quick (tiny sizes, one round: CI keeps it compiling), --json PATH, --only B1,B2
// (or the ids alone: `SelfModelBenchmarks B13`), --count N, --main-thread-waits (for valgrind,
// see `Settings.mainThreadWaits`). B12 (PostgreSQL) is its own runner,
// `PostgresBenchmarks`, so that this one builds no SwiftNIO.
let settings = Settings(arguments: CommandLine.arguments)
print("SelfModel benchmarks\(settings.quick ? " (quick mode: numbers are not meaningful)" : "")")
print("Each figure is a median over \(settings.rounds) interleaved rounds (A B A B ...).")
/// Runs the workloads `settings` selects.
func runSelected(_ settings: Settings) async throws -> [ResultRow] {
  var rows: [ResultRow] = []
  if settings.wants("B1") { rows += try B1InMemoryUpdate.run(settings) }
  if settings.wants("B2") { rows += try await B2DurableRecord.run(settings) }
  if settings.wants("B3") { rows += try await B3GroupCommit.run(settings) }
  if settings.wants("B3b") || settings.wants("B3c") { rows += try await B3bB3cPairs.run(settings) }
  if settings.wants("B4") { rows += try await B4Load.run(settings) }
  if settings.wants("B4c") || settings.wants("B7") { rows += try await B4Replay.run(settings) }
  if settings.wants("B7c") { rows += try await B7Catalogue.run(settings) }
  if settings.wants("B8") || settings.wants("B9") { rows += try await B8B9Reads.run(settings) }
  if settings.wants("B5") { rows += try B5B6Scoring.rank(settings) }
  if settings.wants("B6") { rows += try B5B6Scoring.backtest(settings) }
  if settings.wants("B11") { rows += try B11Population.run(settings) }
  if settings.wants("B13") {
    if !settings.wants("B5") { rows += try B5B6Scoring.rank(settings) }
    rows += try B13Context.run(settings, b5: rows.first { $0.id == "B5" }?.value)
  }
  if settings.wants("B13c") { rows += try await B13cOperations.run(settings) }
  if settings.wants("B15") {
    if !settings.wants("B1") { rows += try B1InMemoryUpdate.run(settings) }
    rows += try B15KnowledgeTracing.run(settings, b1: rows.first { $0.id == "B1" }?.value)
    rows += try B15DynamicBelief.run(settings, b1: rows.first { $0.id == "B1" }?.value)
  }
  return rows
}

let rows: [ResultRow]
do {
  rows =
    settings.mainThreadWaits
    ? try waitOnMainThread { try await runSelected(settings) } : try await runSelected(settings)
} catch {
  print("benchmark failed: \(error)")
  exit(1)
}
printTable(rows)
if let path = settings.jsonPath {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  do {
    try encoder.encode(rows).write(to: URL(fileURLWithPath: path))
    print("\nWrote \(path)")
  } catch {
    print("could not write \(path): \(error)")
    exit(1)
  }
}
