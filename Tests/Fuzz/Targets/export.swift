// libFuzzer target: the export-document decoder and the model it rebuilds, as importUser runs
// them. Built by Scripts/fuzz.sh.
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
  _ = try? DecoderProbe.export(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
