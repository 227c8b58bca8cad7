import Foundation

/// The command line: `LearningAnalytics [--full] [path.svg]`.
///
/// The default run is the fast one CI runs in debug builds: the library's policies (one source,
/// and sources per type) are tuned on a deterministic quarter of the 2013B students (every
/// fourth) with a short search, the bootstrap draws 200 resamples, and the rows with refitted
/// priors are left out. `--full` tunes on every 2013B student with the tuner's default search
/// and draws 2,000 resamples; run it in release (`swift run -c release LearningAnalytics
/// --full`). Everything is scored on all of 2013J.
struct RunSettings: Sendable, Hashable {
  /// Whether this is the full run.
  let isFull: Bool
  /// Where the reliability diagram goes.
  let diagramPath: String

  /// Where the monitor's weekly-bias chart goes: beside the diagram, `-drift` added to its name.
  var driftPath: String {
    let url = URL(fileURLWithPath: diagramPath)
    let name = url.deletingPathExtension().lastPathComponent + "-drift.svg"
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// Bootstrap resamples.
  var resamples: Int { isFull ? 2_000 : 200 }
  /// The bootstrap's seed (the study's).
  var seed: UInt64 { 20_130_201 }
  /// Every how many 2013B students the library's tuner sees.
  var tuningStride: Int { isFull ? 1 : 4 }
  /// The tuner's rounds and first-round grid points.
  var tunerSearch: (rounds: Int, gridPoints: Int) { isFull ? (8, 9) : (1, 5) }

  /// Parses the arguments after the program's name.
  ///
  /// - Throws: ``LearningAnalyticsError/usage(_:)`` for an unknown flag or a second path.
  init(arguments: [String]) throws(LearningAnalyticsError) {
    var isFull = false
    var path: String?
    for argument in arguments {
      if argument == "--full" {
        isFull = true
      } else if argument.hasPrefix("-") || path != nil {
        throw .usage("usage: LearningAnalytics [--full] [diagram.svg]; got \(argument)")
      } else {
        path = argument
      }
    }
    self.isFull = isFull
    diagramPath =
      path
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("learning-analytics-reliability.svg").path
  }
}
