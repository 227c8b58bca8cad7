// libFuzzer target: the snapshot decoder (header and checksums, JSON payload, the model it
// rebuilds). Inputs are tried both as a whole file and as a bare JSON payload, so the JSON
// decoder is reached without forging checksums. Built by Scripts/fuzz.sh.
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
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // A fuzz input may be refused (thrown); only a trap is a finding.
  _ = try? DecoderProbe.snapshot(bytes)
  _ = try? DecoderProbe.snapshotPayload(bytes)
  return 0
}
