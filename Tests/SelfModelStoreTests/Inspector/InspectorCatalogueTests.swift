import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// `selfmodel catalogue`, and `show` and `verify` on a store with a catalogue.
@Suite struct InspectorCatalogueTests {
  @Test func catalogueShowsTheVersionInForceAndUsersReadOnIt() async throws {
    let folder = StoreTestFolder("inspector-catalogue")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    try await CatalogueFixture.build(in: store)
    store.close()
    let text = try InspectorProcess.run([folder.path, "catalogue"])
    #expect(text.status == 0)
    #expect(text.output.contains("catalogue version 2"))
    #expect(text.output.contains("retired belief  preference.emoji"))
    let json = try InspectorProcess.run([folder.path, "catalogue", "--json"])
    #expect(try json.json()["version"] as? Int == 2)
    let show = try InspectorProcess.run(
      [folder.path, "show", CatalogueFixture.user.rawValue, "--json"])
    #expect(show.status == 0)
    #expect(show.output.contains("preference.tone") && show.output.contains("interest.jazz"))
    #expect(try InspectorProcess.run([folder.path, "verify"]).status == 0)
  }

  @Test func verifyReportsADamagedCatalogueFile() async throws {
    let folder = StoreTestFolder("inspector-catalogue-damage")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    try await CatalogueFixture.build(in: store)
    store.close()
    let path = folder.child("CATALOGUE")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count - 3] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: path))
    let verify = try InspectorProcess.run([folder.path, "verify"])
    #expect(verify.status == 1)
    #expect(verify.output.contains("CATALOGUE"))
    #expect(try InspectorProcess.run([folder.path, "catalogue"]).status == 1)
  }
}
