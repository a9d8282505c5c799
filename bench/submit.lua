-- wrk script: one fresh, valid qcdc submission per request.
--   QCDC_BENCH_TOKEN    a render token from `qcdc render-token --campaign 1 --unit 07210 --age 60` (reusable)
--   QCDC_BENCH_ANSWERS  the answer fields, urlencoded (default: bench/answers.txt beside this script's caller)
-- Every request gets its own 22-character base64url sid: 8 random characters per wrk run (so the warm-up and
-- the measured run never collide), 2 for the thread, 12 for a per-thread counter.
--   QCDC_BENCH_PREBUILT  requests each thread formats in init(), before wrk starts its clock (default 150000):
--                        the peers' POST is one static request wrk reuses, so formatting a fresh one per request
--                        in Lua would load the shared cores with client work the peers never cause. Past that
--                        count requests are formatted as they are sent.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function symbol(n)
  return alphabet:sub(n + 1, n + 1)
end

local function encode_number(n, width)
  local out = {}
  for i = width, 1, -1 do
    out[i] = symbol(n % 64)
    n = math.floor(n / 64)
  end
  return table.concat(out)
end

local function random_prefix()
  local f = assert(io.open("/dev/urandom", "rb"))
  local bytes = f:read(8)
  f:close()
  local out = {}
  for i = 1, 8 do out[i] = symbol(bytes:byte(i) % 64) end
  return table.concat(out)
end

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local token = os.getenv("QCDC_BENCH_TOKEN") or error("QCDC_BENCH_TOKEN is not set")
local answers = os.getenv("QCDC_BENCH_ANSWERS")
if answers == nil or answers == "" then
  local f = assert(io.open(os.getenv("QCDC_BENCH_ANSWERS_FILE") or "bench/answers.txt", "rb"))
  answers = f:read("*a"):gsub("%s+$", "")
  f:close()
end
local fixed = answers .. "&website=&token=" .. urlencode(token) .. "&sid="

local threads = {}
local prefix = random_prefix()
local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  thread:set("run_prefix", prefix)
  next_thread = next_thread + 1
end

local counter = 0
local headers = {}

local function format_next()
  counter = counter + 1
  local sid = run_prefix .. thread_tag .. encode_number(counter, 12)
  return wrk.format("POST", wrk.path, headers, fixed .. sid)
end

local prebuilt = {}
local sent = 0

function init(args)
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port
  thread_tag = encode_number(thread_number or 0, 2)
  for i = 1, tonumber(os.getenv("QCDC_BENCH_PREBUILT") or "150000") do prebuilt[i] = format_next() end
end

function request()
  sent = sent + 1
  local ready = prebuilt[sent]
  if ready then
    prebuilt[sent] = nil
    return ready
  end
  return format_next()
end
