import BenchmarkSupport
import Foundation

// B12, the PostgreSQL backend against FileStore and GRDB:
// `Scripts/with-postgres swift run -c release --package-path Benchmarks PostgresBenchmarks`
// Options as SelfModelBenchmarks' (--quick, --json PATH). It skips itself when no server is
// configured (see Scripts/with-postgres).
let settings = Settings(arguments: CommandLine.arguments)
print("SelfModel PostgreSQL benchmark (B12)\(settings.quick ? " (quick mode)" : "")")
var rows: [ResultRow] = []
do {
  rows += try await B12SharedStore.run(settings)
} catch {
  print("benchmark failed: \(error)")
  exit(1)
}
printTable(rows)
