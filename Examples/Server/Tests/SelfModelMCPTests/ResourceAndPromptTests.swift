import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import ServiceAccess
import Testing

/// The beliefs resource and the prompt template.
@Suite struct ResourceAndPromptTests {
  @Test func aUsersBeliefsAreAReadableResource() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let (templates, _) = try await client.listResourceTemplates()
    #expect(templates.map(\.uriTemplate) == ["selfmodel://users/{user}/beliefs"])
    let (resources, _) = try await client.listResources()
    #expect(resources.map(\.uri).contains("selfmodel://users/u1/beliefs"))
    let contents = try await client.readResource(uri: "selfmodel://users/u1/beliefs")
    let text = try #require(contents.first?.text)
    let beliefs = try OperationCoding.decoder()
      .decode(EstimatesResponse.self, from: Data(text.utf8)).estimates
    #expect(beliefs.map(\.belief) == ["style.concise", "style.tone", "coding.tests-first"])
    let unknown = await #expect(throws: MCPError.self) {
      _ = try await client.readResource(uri: "selfmodel://users/u9/nothing")
    }
    guard case .invalidParams(let detail)? = unknown else {
      Issue.record("expected invalid params, got \(String(describing: unknown))")
      return
    }
    #expect(detail?.contains("unknown resource selfmodel://users/u9/nothing") == true)
    await fixture.remove()
  }

  @Test func resourcesRespectTheScope() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client(scope: .only(["u2"]))
    let (resources, _) = try await client.listResources()
    #expect(resources.map(\.uri) == ["selfmodel://users/u2/beliefs"])
    let refused = await #expect(throws: MCPError.self) {
      _ = try await client.readResource(uri: "selfmodel://users/u1/beliefs")
    }
    guard case .invalidParams(let detail)? = refused else {
      Issue.record("expected invalid params, got \(String(describing: refused))")
      return
    }
    #expect(detail == ToolError.userNotPermitted("u1").description)
    await fixture.remove()
  }

  @Test func thePromptTellsTheAgentHowToUseTheTools() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let (prompts, _) = try await client.listPrompts()
    #expect(prompts.map(\.name) == ["use_self_model"])
    let prompt = try await client.getPrompt(
      name: "use_self_model", arguments: ["user": "u1", "topic": "style"])
    guard case .text(let text)? = prompt.messages.first?.content else {
      Issue.record("no text message")
      return
    }
    #expect(text.contains("get_context for user \"u1\" about style"))
    #expect(text.contains("never as the user"))
    await fixture.remove()
  }
}
