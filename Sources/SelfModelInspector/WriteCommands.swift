import Foundation
import SelfModel
import SelfModelStore

/// The commands that write: they open the store as a `FileStore`, which takes its lock.
enum WriteCommands {
  /// `import FILE [--replace]`: imports an export document (`-` reads standard input).
  static func importUser(_ invocation: Invocation) throws -> Int32 {
    let file = try invocation.argument(0, "an export file")
    let data =
      file == "-"
      ? FileHandle.standardInput.readDataToEndOfFile()
      : try Data(contentsOf: URL(fileURLWithPath: file))
    let user = try withStore(invocation) { store in
      try await store.importUser(data, replacing: invocation.replacing)
    }
    if invocation.json {
      try Inspector.printJSON(["imported": user.rawValue])
    } else {
      print("imported \(user.rawValue)")
    }
    return 0
  }

  /// `compact USER`: writes a snapshot and empties the journal.
  static func compact(_ invocation: Invocation) throws -> Int32 {
    let user = try UserID(try invocation.argument(0, "a user"))
    try withStore(invocation) { store in try await store.compact(user) }
    if invocation.json {
      try Inspector.printJSON(["compacted": user.rawValue])
    } else {
      print("compacted \(user.rawValue)")
    }
    return 0
  }

  /// Opens the store (it must exist: never creates one), runs `body`, closes it.
  static func withStore<Value: Sendable>(
    _ invocation: Invocation, _ body: @escaping @Sendable (FileStore) async throws -> Value
  ) throws -> Value {
    _ = try StoreInspector(root: invocation.store)
    let store = try FileStore(at: invocation.store)
    defer { store.close() }
    return try Blocking.wait { try await body(store) }
  }
}
