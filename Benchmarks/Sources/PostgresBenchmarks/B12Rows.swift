import BenchmarkSupport
/// B12's table: each store's durable records/s against FileStore's in the same run.
enum B12Rows {
  static func rows(_ rate: [String: Double], hasServer: Bool) -> [ResultRow] {
    var result: [ResultRow] = []
    for writers in [1, B12SharedStore.users] {
      let file = rate["file-\(writers)"] ?? 0
      let label = writers == 1 ? "1 writer" : "100 writers on 100 users"
      if hasServer {
        result += postgres(rate, writers: writers, label: label, file: file)
      } else {
        result.append(
          ResultRow(
            id: "B12p\(writers)", workload: "PostgresStore durable records, \(label)", value: 0,
            unit: "skipped", baseline: "FileStore", baselineValue: file, ratio: nil,
            target: B12SharedStore.skipped, met: nil))
      }
      let grdb = rate["grdb-\(writers)"] ?? 0
      result.append(
        ResultRow(
          id: "B12g\(writers)", workload: "  GRDB (WAL, FULL, 1 txn/record), \(label)",
          value: grdb, unit: "rec/s", baseline: "FileStore", baselineValue: file,
          ratio: grdb / file, target: "(informative)", met: nil))
    }
    return result
  }

  static func postgres(_ rate: [String: Double], writers: Int, label: String, file: Double)
    -> [ResultRow]
  {
    let durable = rate["postgres-\(writers)"] ?? 0
    let single = rate["postgres-single-\(writers)"] ?? 0
    let unsynced = rate["postgres-nosync-\(writers)"] ?? 0
    let isGoal = writers == B12SharedStore.users
    return [
      ResultRow(
        id: "B12p\(writers)", workload: "PostgresStore durable records, \(label)",
        value: durable, unit: "rec/s", baseline: "FileStore", baselineValue: file,
        ratio: durable / file, target: isGoal ? ">= 0.5x FileStore" : "(informative)",
        met: isGoal ? durable / file >= 0.5 : nil),
      ResultRow(
        id: "B12s\(writers)", workload: "  same, no batching across users (1 txn/record)",
        value: single, unit: "rec/s", baseline: "FileStore", baselineValue: file,
        ratio: single / file, target: "(before group commit)", met: nil),
      ResultRow(
        id: "B12n\(writers)", workload: "  same, synchronous_commit=off (NOT durable)",
        value: unsynced, unit: "rec/s", baseline: "PostgresStore", baselineValue: durable,
        ratio: unsynced / durable, target: "(where the time goes)", met: nil),
    ]
  }
}
