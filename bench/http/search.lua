-- wrk script: GET /api/search with the queries of a TSV file (qid<TAB>query a line), cycled,
-- each thread starting at its own offset. Set QUERIES=path in the environment.
local queries = {}

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local path = os.getenv("QUERIES")
for line in io.lines(path) do
  local q = line:match("^[^\t]*\t(.*)$")
  if q and #q > 0 then
    -- The API caps a query at 512 characters; the dev set's claims are shorter but cut to be sure.
    table.insert(queries, "/api/search?per_page=10&q=" .. urlencode(q:sub(1, 400)))
  end
end

local counter = 0
local errors = 0

function setup(thread)
  thread:set("offset", counter * 37)
  counter = counter + 1
end

function init(args)
  at = offset or 0
end

function request()
  at = at + 1
  return wrk.format("GET", queries[(at % #queries) + 1])
end

function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d  non-2xx/3xx: %d  socket errors: connect %d read %d write %d timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
