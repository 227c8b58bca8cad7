import Foundation

// SelfModel benchmarks: `swift run -c release --package-path Benchmarks SelfModelBenchmarks`
// Options: --quick (tiny sizes, one round: CI keeps it compiling), --json PATH, --only B1,B2
let settings = Settings(arguments: CommandLine.arguments)
print("SelfModel benchmarks\(settings.quick ? " (quick mode: numbers are not meaningful)" : "")")
print("Each figure is a median over \(settings.rounds) interleaved rounds (A B A B ...).")
var rows: [Row] = []
do {
  if settings.wants("B1") { rows += try B1InMemoryUpdate.run(settings) }
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
