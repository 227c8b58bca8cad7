#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension StoreError {
  /// The error for a failed system call: ``Code/diskFull`` for `ENOSPC` and `EDQUOT`,
  /// ``Code/unavailable`` for the transient `EAGAIN`, `EBUSY`, `ENOMEM`, `EMFILE` and `ENFILE`
  /// (out of memory or descriptors: retry once some are free), ``Code/ioFailure`` otherwise.
  ///
  /// - Parameters:
  ///   - operation: The call that failed, such as `"write"`.
  ///   - path: The file concerned.
  ///   - number: The `errno`.
  ///   - detail: More detail.
  /// - Returns: The error.
  package static func system(
    _ operation: String, path: String?, errno number: Int32, detail: String? = nil
  ) -> StoreError {
    let code: Code =
      switch number {
      case ENOSPC, EDQUOT: .diskFull
      case EAGAIN, EBUSY, ENOMEM, EMFILE, ENFILE: .unavailable
      default: .ioFailure
      }
    let words = detail ?? String(cString: strerror(number))
    return StoreError(code, operation: operation, path: path, errno: number, detail: words)
  }

  /// The error for damaged bytes at `offset` of `path`.
  ///
  /// - Parameters:
  ///   - operation: The operation that found it.
  ///   - path: The file.
  ///   - offset: Where the damaged record or header starts.
  ///   - detail: What is wrong.
  /// - Returns: A ``Code/corruptFile`` error.
  static func corrupt(
    _ operation: String, path: String?, offset: Int?, detail: String
  ) -> StoreError {
    StoreError(.corruptFile, operation: operation, path: path, offset: offset, detail: detail)
  }
}
