import Foundation
import SelfModel
import Testing

/// Files that hold contexts or priors are written in a format that older libraries refuse;
/// files without them keep their old format, byte for byte.
@Suite struct ContextFormatTests {
  static func version(of value: some Encodable) throws -> Int? {
    let data = try JSONEncoder().encode(value)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["formatVersion"] as? Int
  }

  @Test func snapshotsUseVersionThreeOnlyForContextsOrOwnPriors() throws {
    var model = try ContextEstimateTests.model()
    #expect(model.snapshot.formatVersion == 3)
    #expect(try Self.version(of: model.snapshot) == 3)
    let data = try JSONEncoder().encode(model.snapshot)
    let back = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    #expect(try UserModel(snapshot: back) == model)
    #expect(back.evidence.map(\.context) == ["type:TMA", "type:CMA", "type:TMA/pos:3"])

    var plain = try UserModel(user: "plain")
    try plain.declare(try .binary("b", statement: "B"))
    #expect(try Self.version(of: plain.snapshot) == 2)
    try plain.declare(try .binary("c", statement: "C", priorWeight: 3))
    #expect(try Self.version(of: plain.snapshot) == 3)
    for id in ["e1", "e2", "e3"] { _ = model.forget(evidence: EvidenceID(stringLiteral: id)) }
    // The belief's own contexts still need version 3.
    #expect(try Self.version(of: model.snapshot) == 3)
  }

  @Test func cataloguesUseVersionTwoOnlyForPriors() throws {
    let plain = try Catalogue(version: 1, beliefs: [try .binary("b", statement: "B")])
    let written = try Self.version(of: plain)
    #expect(plain.requiredFormatVersion == 1 && written == 1)
    let fitted = try Catalogue(
      version: 2, beliefs: [try ContextEstimateTests.mastery()])
    #expect(try Self.version(of: fitted) == 2)
    let back = try JSONDecoder().decode(Catalogue.self, from: JSONEncoder().encode(fitted))
    #expect(back == fitted)
    #expect(back.definition(for: "mastery")?.contexts.count == 3)
    let retired = try Catalogue(
      version: 3, beliefs: [], retiredBeliefs: [try ContextEstimateTests.mastery()])
    #expect(retired.requiredFormatVersion == 2)
  }
}
