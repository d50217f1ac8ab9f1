-- wrk: GET /api/v1/users/me with HTTP Basic, as a random user. $ZB_KEYS names a file with one
-- Authorization header value per line ("Basic <base64 of email:api_key>"); $ZB_HOST is the Host.
-- With $ZB_PATH set, GETs that path instead with the same headers (the trivial endpoint).
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")

local host = os.getenv("ZB_HOST")
local path = os.getenv("ZB_PATH") or "/api/v1/users/me"
local headers = {}
for line in io.lines(os.getenv("ZB_KEYS")) do
    headers[#headers + 1] = line
end

common.install()

function request()
    return wrk.format("GET", path, { ["Host"] = host, ["Authorization"] = headers[math.random(#headers)] })
end
