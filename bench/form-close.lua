-- wrk script: GET the form page with keep-alive off (a fresh TCP connection per request, like a phone that
-- scanned a QR code). Used as the "submit" phase of compare.sh so its start/stop, RSS and rounds are reused.
local headers = { ["Connection"] = "close" }

function request()
  return wrk.format("GET", wrk.path, headers, nil)
end
