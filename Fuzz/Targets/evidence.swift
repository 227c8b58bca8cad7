// libFuzzer target: JSON decoding of `Evidence`. Built by Scripts/fuzz.sh.
import SelfModel
import SelfModelStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? DecoderProbe.json(Evidence.self, bytes)
  _ = try? DecoderProbe.json([Evidence].self, bytes)
  return 0
}
