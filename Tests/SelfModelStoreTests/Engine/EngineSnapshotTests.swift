import Foundation
import SelfModelStore
import SelfModelStoreFaults
import SelfModelTesting
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Round trips, damage, permissions and interrupted replacement for ``SnapshotFile``.
@Suite struct EngineSnapshotTests {
  /// The real file system.
  static let fileSystem = POSIXFileSystem()

  /// Payloads of several sizes round-trip; a missing file reads as `nil`.
  @Test(arguments: [0, 1, 100, 70_000])
  func roundTrips(_ size: Int) throws {
    try EngineTemporaryDirectory.with { directory in
      var random = EngineTestRandom(seed: UInt64(size))
      let payload = random.bytes(size)
      let path = directory.file("snapshot")
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == nil)
      try SnapshotFile.write(payload, to: path, fileSystem: Self.fileSystem)
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == payload)
      #expect(try EngineFiles.bytes(path).count == 28 + size)
    }
  }

  /// The snapshot has mode 0600 after a write and after overwriting a 0644 file.
  @Test func isPrivateAfterWriteAndOverwrite() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("snapshot")
      try SnapshotFile.write([1, 2, 3], to: path, fileSystem: Self.fileSystem)
      #expect(try EngineFiles.mode(path) == 0o600)
      chmod(path, 0o644)
      try SnapshotFile.write([4, 5], to: path, fileSystem: Self.fileSystem)
      #expect(try EngineFiles.mode(path) == 0o600)
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == [4, 5])
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["snapshot"])
    }
  }

  /// Every damaged byte, truncation and extension is detected with the right code.
  @Test func everyDamagedByteAndTruncationIsDetected() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("snapshot")
      try SnapshotFile.write(Array("a small model".utf8), to: path, fileSystem: Self.fileSystem)
      let original = try EngineFiles.bytes(path)
      for index in original.indices {
        var damaged = original
        damaged[index] ^= 0x40
        try EngineFiles.write(damaged, to: path)
        let expected: Set<StoreError.Code> =
          index < 8 ? [.unknownFormat] : index < 10 ? [.newerFormat, .corruptFile] : [.corruptFile]
        #expect(expected.contains(Self.readError(path) ?? .closed), "byte \(index)")
      }
      for length in 0..<original.count {
        try EngineFiles.write(Array(original[..<length]), to: path)
        #expect(Self.readError(path) == .corruptFile, "length \(length)")
      }
      try EngineFiles.write(original + [0], to: path)
      #expect(Self.readError(path) == .corruptFile)
    }
  }

  /// A higher version with a valid checksum is `.newerFormat`.
  @Test func newerVersionIsRefused() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("snapshot")
      try SnapshotFile.write([1], to: path, fileSystem: Self.fileSystem)
      var bytes = try EngineFiles.bytes(path)
      bytes[8] = 2
      let checksum = CRC32C.checksum(bytes[..<24])
      withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(24..<28, with: $0) }
      try EngineFiles.write(bytes, to: path)
      #expect(Self.readError(path) == .newerFormat)
    }
  }

  /// A failed rename (the closest a test gets to a crash between writing the temporary file
  /// and renaming it) leaves the old snapshot readable and no temporary file behind.
  @Test func failedRenameKeepsTheOldSnapshot() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("snapshot")
      try SnapshotFile.write([1, 1], to: path, fileSystem: Self.fileSystem)
      let faulty = FaultInjectingFileSystem()
      faulty.inject(.error(EIO), atCall: 1, of: .rename)
      #expect(throws: StoreError.self) {
        try SnapshotFile.write([2, 2], to: path, fileSystem: faulty)
      }
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == [1, 1])
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["snapshot"])
    }
  }

  /// A real crash leaves a temporary file: reads ignore it, the next write removes it.
  @Test func leftoverTemporaryFilesAreIgnoredThenRemoved() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("snapshot")
      try SnapshotFile.write([1, 1], to: path, fileSystem: Self.fileSystem)
      try EngineFiles.write([0xDE, 0xAD], to: path + ".tmp-00000000deadbeef")
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == [1, 1])
      try SnapshotFile.write([3], to: path, fileSystem: Self.fileSystem)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["snapshot"])
      #expect(try SnapshotFile.read(from: path, fileSystem: Self.fileSystem) == [3])
    }
  }

  /// The code of the error reading `path` throws, or `nil` if it reads.
  static func readError(_ path: String) -> StoreError.Code? {
    do {
      _ = try SnapshotFile.read(from: path, fileSystem: fileSystem)
      return nil
    } catch {
      return error.code
    }
  }
}
