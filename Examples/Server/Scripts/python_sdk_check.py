"""Drives selfmodel-mcp with the official Python MCP SDK over stdio and Streamable HTTP.

Fails (exit 1) on anything the SDK rejects: a tool schema that is not valid JSON Schema, an
example that does not validate against its own input schema, an answer whose text is not the
operation's JSON, a tool error where success was expected, or a protocol error. Over HTTP, several clients run at once, each with
its own session. Usage: python_sdk_check.py SELFMODEL_MCP_BINARY CATALOGUE_JSON
"""

import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

AGENT = "agent:assistant"
TOOLS = {"list_beliefs", "create_user", "get_context", "record_observation", "record_reaction",
         "explain_belief", "next_question", "forget"}


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def reaction(user, response, candidate="short"):
    return {
        "user": user,
        "reaction": {"candidate": candidate, "kind": {"accepted": {}},
                     "observedAt": "2026-05-08T10:05:00Z"},
        "response": {"id": response, "candidates": [
            {"id": "short", "stances": [
                {"belief": "style.concise", "assertion": {"outcome": "true"}}]},
            {"id": "long", "stances": [
                {"belief": "style.concise", "assertion": {"outcome": "false"}},
                {"belief": "style.tone", "assertion": {"distribution": {"formal": 0.7,
                                                                        "casual": 0.3}}}]},
            {"id": "typo", "stances": [
                {"belief": "style.consise", "assertion": {"outcome": "true"}}]},
        ]},
    }


def observation(user, id, belief="coding.tests-first", source=AGENT, **extra):
    item = {"id": id, "belief": belief, "content": {"outcome": "true"}, "source": source,
            "observedAt": "2026-05-08T10:00:00Z", **extra}
    return {"user": user, "evidence": [item]}


async def ok(session, name, arguments):
    result = await session.call_tool(name, arguments)
    text = result.content[0].text if result.content else ""
    check(not result.is_error, f"{name} failed: {text}")
    answer = json.loads(text)  # the operation's response, as the HTTP service answers it
    check(isinstance(answer, dict), f"{name}: answer not an object")
    return answer


async def refused(session, name, arguments, code):
    result = await session.call_tool(name, arguments)
    check(result.is_error, f"{name} should have failed with {code}")
    check(result.structured_content.get("code") == code,
          f"{name}: expected {code}, got {result.structured_content}")


async def exercise(session, user, tag):
    """Every tool, as one agent would use them, on `user`."""
    await session.initialize()
    tools = (await session.list_tools()).tools
    names = {tool.name for tool in tools}
    check(names == TOOLS, f"tools: {sorted(names)}")
    for tool in tools:
        jsonschema.Draft202012Validator.check_schema(tool.input_schema)
        for example in tool.input_schema.get("examples", []):
            jsonschema.validate(example, tool.input_schema)
        check(len(tool.input_schema.get("examples", [])) == 1, f"{tool.name}: one example")
    listed = await ok(session, "list_beliefs", {})
    keys = {b["key"] for b in listed["beliefs"]}
    check({"style.concise", "style.examples", "style.tone"} <= keys, f"beliefs {listed}")
    created = await ok(session, "create_user", {"user": user})
    check(created["user"] == user, f"create_user {created}")
    await ok(session, "record_observation",
             observation(user, f"obs-{tag}", note="wrote the test before the fix"))
    recorded = await ok(session, "record_reaction", reaction(user, f"resp-{tag}"))
    check(len(recorded["recorded"]) == 1, f"reaction {recorded}")
    retry = await ok(session, "record_reaction", reaction(user, f"resp-{tag}"))
    check(retry["duplicates"] == recorded["recorded"], f"retry {retry}")
    await refused(session, "record_reaction", reaction(user, f"resp-{tag}-2", "typo"),
                  "unknownBelief")
    context = await ok(session, "get_context", {"user": user, "tags": ["style", "coding"]})
    check(len(context["entries"]) == 2, f"context {context}")
    check(context["entries"][0]["reasons"][0] in ({"tag": {"name": "style"}},
                                                  {"tag": {"name": "coding"}}), "reasons")
    tight = await ok(session, "get_context",
                     {"user": user, "budget": {"beliefs": 20, "characters": 60}})
    check(len(tight["text"]) <= 60 and "left out" in tight["text"], f"budget: {tight['text']!r}")
    explained = await ok(session, "explain_belief", {"user": user, "belief": "style.concise"})
    check(len(explained["contributions"]) == 1, f"explain {explained}")
    questions = await ok(session, "next_question", {"user": user, "limit": 2})
    check(len(questions["questions"]) == 2, f"questions {questions}")
    forgotten = await ok(session, "forget", {"user": user, "evidence": f"obs-{tag}"})
    check(forgotten["forgotten"] == [f"obs-{tag}"], f"forget {forgotten}")
    await refused(session, "record_observation", observation(user, "x", belief="no.such"),
                  "unknownBelief")
    await refused(session, "get_context", {"user": user, "budget": {"beliefs": 1001}},
                  "numberOutOfRange")
    await refused(session, "record_observation",
                  observation(user, "y", belief="style.concise", source="user"),
                  "sourceNotWritable")


async def over_stdio(binary, store, catalogue):
    server = StdioServerParameters(command=binary, args=[
        "--store", store, "--catalogue", catalogue, "--agent-source", AGENT,
        "--allow-create-users"])
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await exercise(session, "stdio-user", "stdio")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def http_client(url, token, user, tag):
    headers = {"Authorization": f"Bearer {token}"}
    async with create_mcp_http_client(headers=headers) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write) as session:
                await exercise(session, user, tag)


async def over_http(binary, store, catalogue, clients):
    users = [f"http-user-{index}" for index in range(clients)]
    tokens = Path(store).parent / "tokens.json"
    tokens.write_text(json.dumps({"tokens": [
        {"token": f"python-sdk-check-token-{index:04d}", "users": [user]}
        for index, user in enumerate(users)]}))
    port = free_port()
    process = subprocess.Popen([
        binary, "--store", store, "--catalogue", catalogue, "--agent-source", AGENT,
        "--allow-create-users", "--http", str(port), "--tokens", str(tokens)])
    try:
        url = f"http://127.0.0.1:{port}/mcp"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        await asyncio.gather(*[
            http_client(url, f"python-sdk-check-token-{index:04d}", user, f"http{index}")
            for index, user in enumerate(users)])
    finally:
        process.terminate()
        process.wait(timeout=10)


def main():
    binary, catalogue = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        asyncio.run(over_stdio(binary, f"{folder}/stdio-store", catalogue))
        print(f"python-sdk: stdio, every tool: ok ({time.monotonic() - started:.1f} s)")
        started = time.monotonic()
        asyncio.run(over_http(binary, f"{folder}/http-store", catalogue, clients=4))
        print(f"python-sdk: Streamable HTTP, 4 concurrent clients, every tool: ok "
              f"({time.monotonic() - started:.1f} s)")
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()
