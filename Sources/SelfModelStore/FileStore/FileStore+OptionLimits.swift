extension FileStore.Options {
  /// The most workers a store may have: each is a thread-backed serial queue.
  public static let maximumWorkerCount = 256
  /// The most users a store may keep loaded, in total.
  public static let maximumCacheCapacity = 1 << 24

  /// Why `options` exceed a limit that keeps a store's memory and thread use bounded, or
  /// `nil` when they are within every limit.
  static func boundsProblem(_ options: Self) -> String? {
    if options.workerCount > maximumWorkerCount {
      return "workerCount must be at most \(maximumWorkerCount)"
    }
    if options.cacheCapacity > maximumCacheCapacity {
      return "cacheCapacity must be at most \(maximumCacheCapacity)"
    }
    return nil
  }
}
