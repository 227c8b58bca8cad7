-- wrk script: each request posts one evidence item with a unique id for one of 200 users,
-- or, with probability READ_SHARE, reads that user's estimates.
-- Every request carries `Authorization: Bearer TOKEN` when TOKEN is given.
-- Usage: wrk -t2 -c64 -d20s --latency -s evidence.lua http://127.0.0.1:8080 -- READ_SHARE RUN TOKEN
local threads = 0
local read_share = 0
local run = "wrk"
local counter = 0
local tag = "0"
local auth = {}

function setup(thread)
  threads = threads + 1
  thread:set("tag", tostring(threads))
end

function init(args)
  read_share = tonumber(args[1] or "0")
  run = args[2] or "wrk"
  if args[3] then auth = { ["Authorization"] = "Bearer " .. args[3] } end
  tag = wrk.thread:get("tag")
  math.randomseed(tonumber(tag) * 7919)
end

local beliefs = {
  { "preference.concise", { "true", "false" } },
  { "preference.tone", { "formal", "casual", "playful" } },
}

function request()
  counter = counter + 1
  local user = "u" .. math.random(0, 199)
  if math.random() < read_share then
    return wrk.format("GET", "/v1/users/" .. user .. "/estimates", auth)
  end
  local belief = beliefs[(counter % 2) + 1]
  local outcome = belief[2][(counter % #belief[2]) + 1]
  local body = '{"evidence":[{"id":"' .. run .. "-" .. tag .. "-" .. counter ..
    '","belief":"' .. belief[1] .. '","content":{"outcome":"' .. outcome ..
    '"},"source":"user","observedAt":"2026-01-01T00:00:00Z"}]}'
  return wrk.format("POST", "/v1/users/" .. user .. "/evidence",
    { ["Content-Type"] = "application/json", ["Authorization"] = auth["Authorization"] }, body)
end
