// libFuzzer target: JSON decoding of `Candidate`. Built by Scripts/fuzz.sh.
import SelfModel
import SelfModelStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = try? DecoderProbe.json(Candidate.self, Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
