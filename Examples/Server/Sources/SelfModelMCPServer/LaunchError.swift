/// A command-line or startup problem, printed with the usage.
struct LaunchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
