// libFuzzer target: the journal decoder (header, binding, frames, the end-torn-damage rule,
// every record's operation). Inputs are tried both as a whole file and as one record's
// payload, so the operation decoder is reached without forging checksums. Built by
// Scripts/fuzz.sh.
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
  _ = try? DecoderProbe.journal(bytes)
  try? DecoderProbe.operation(bytes)
  return 0
}
