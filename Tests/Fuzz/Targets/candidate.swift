// libFuzzer target: JSON decoding of `Candidate`. Built by Scripts/fuzz.sh.
import SelfModel
import SelfModelStore
import SelfModelStoreFaults

/// libFuzzer's entry point: runs one input, which must never trap.
///
/// - Parameters:
///   - data: The input bytes.
///   - size: Their count.
/// - Returns: 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  // A fuzz input may be refused (thrown); only a trap is a finding.
  _ = try? DecoderProbe.json(Candidate.self, Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
