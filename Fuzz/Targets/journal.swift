// libFuzzer target: the journal decoder (header, binding, frames, the end-torn-damage rule,
// every record's operation). Built by Scripts/fuzz.sh.
import SelfModelStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = try? DecoderProbe.journal(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
