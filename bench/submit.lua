-- wrk script: one fresh, valid qcdc submission per request, each with its own pre-minted render token.
--   QCDC_BENCH_TOKENS   a file of render tokens, one per line, all of one length, from
--                       `qcdc render-token --campaign 1 --unit 07210 --age 60 --count N` (each stores one answer)
--   QCDC_BENCH_ANSWERS  the answer fields, urlencoded (default: bench/answers.txt beside this script's caller)
--   QCDC_BENCH_TOKENS_PER_THREAD  tokens a thread may use in one wrk run (default 250000)
-- A token stores at most one answer, so no two requests of one server start may share one. Every wrk run takes
-- the next block of threads × per-thread tokens from the file (the position is kept in QCDC_BENCH_TOKENS.next)
-- and wraps around at the end: a file of at least two runs' blocks (the warm-up and the measured run of one
-- server start) never repeats a token on one database; each server start has a freshly seeded database.
--   QCDC_BENCH_PREBUILT  requests each thread formats in init(), before wrk starts its clock (default 150000):
--                        the peers' POST is one static request wrk reuses, so formatting a fresh one per request
--                        in Lua would load the shared cores with client work the peers never cause. Past that
--                        count requests are formatted as they are sent.
local tokens_path = os.getenv("QCDC_BENCH_TOKENS") or error("QCDC_BENCH_TOKENS is not set")
local per_thread = tonumber(os.getenv("QCDC_BENCH_TOKENS_PER_THREAD") or "250000")

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local answers = os.getenv("QCDC_BENCH_ANSWERS")
if answers == nil or answers == "" then
  local f = assert(io.open(os.getenv("QCDC_BENCH_ANSWERS_FILE") or "bench/answers.txt", "rb"))
  answers = f:read("*a"):gsub("%s+$", "")
  f:close()
end
local fixed = answers .. "&website=&token="

-- The file's shape: every line is one token of the same length, so line i starts at i * (length + 1).
local function token_file_shape()
  local f = assert(io.open(tokens_path, "rb"))
  local first = assert(f:read("*l"), "QCDC_BENCH_TOKENS is empty")
  local size = f:seek("end")
  f:close()
  local stride = #first + 1
  assert(size % stride == 0, "QCDC_BENCH_TOKENS: lines of different lengths")
  return stride, math.floor(size / stride)
end

local next_thread = 0
local start_of_run = nil  -- main thread only; each wrk thread gets it as its global run_start

-- Runs in the main thread, once per wrk thread, before any request: claims this run's block of tokens.
function setup(thread)
  if start_of_run == nil then
    local _, count = token_file_shape()
    local f = io.open(tokens_path .. ".next", "rb")
    local position = f and tonumber(f:read("*l")) or 0
    if f then f:close() end
    start_of_run = position % count
  end
  thread:set("thread_number", next_thread)
  thread:set("run_start", start_of_run)
  next_thread = next_thread + 1
  -- wrk sets its threads up one by one: after the last, the file says where the next run starts.
  local w = assert(io.open(tokens_path .. ".next", "wb"))
  w:write(tostring(start_of_run + next_thread * per_thread), "\n")
  w:close()
end

local headers = {}
local file, stride, count
local used = 0

local function format_next()
  local index = (run_start + thread_number * per_thread + used % per_thread) % count
  used = used + 1
  file:seek("set", index * stride)
  local token = file:read(stride - 1)
  return wrk.format("POST", wrk.path, headers, fixed .. urlencode(token))
end

local prebuilt = {}
local sent = 0

function init(args)
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port
  stride, count = token_file_shape()
  assert(count >= per_thread * (thread_number + 1),
    "QCDC_BENCH_TOKENS holds fewer tokens than one run's threads need")
  file = assert(io.open(tokens_path, "rb"))
  for i = 1, tonumber(os.getenv("QCDC_BENCH_PREBUILT") or "150000") do prebuilt[i] = format_next() end
end

function request()
  sent = sent + 1
  local ready = prebuilt[sent]
  if ready then
    prebuilt[sent] = nil
    return ready
  end
  if used == per_thread then
    io.stderr:write("submit.lua: a thread used all its ", per_thread, " tokens; raise QCDC_BENCH_TOKENS_PER_THREAD\n")
  end
  return format_next()
end
