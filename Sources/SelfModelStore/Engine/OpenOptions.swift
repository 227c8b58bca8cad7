/// How ``FileSystem/open(_:_:permissions:)`` opens a file: a set of flags that map one to one
/// onto `open(2)` flags (`O_CLOEXEC` is always added).
///
/// `.read` and `.write` together mean `O_RDWR`; neither means `O_RDONLY`.
package struct OpenOptions: OptionSet, Sendable, Hashable {
  /// The raw bits (not `open(2)` flags; ``POSIXFileSystem`` translates them).
  package let rawValue: Int32

  /// Creates options from raw bits.
  ///
  /// - Parameter rawValue: The bits.
  package init(rawValue: Int32) { self.rawValue = rawValue }

  /// Open for reading.
  package static let read = OpenOptions(rawValue: 1 << 0)
  /// Open for writing.
  package static let write = OpenOptions(rawValue: 1 << 1)
  /// Create the file if it is missing (`O_CREAT`).
  package static let create = OpenOptions(rawValue: 1 << 2)
  /// Fail if the file exists (`O_EXCL`, with `.create`).
  package static let exclusive = OpenOptions(rawValue: 1 << 3)
  /// Empty the file on open (`O_TRUNC`).
  package static let truncate = OpenOptions(rawValue: 1 << 4)
  /// Every write goes to the end of the file (`O_APPEND`).
  package static let append = OpenOptions(rawValue: 1 << 5)
  /// The path must be a directory (`O_DIRECTORY`).
  package static let directory = OpenOptions(rawValue: 1 << 6)
}
