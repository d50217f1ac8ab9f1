-- wrk: POST /api/v1/fetch_api_key as a random user of 1..$ZB_USERS.
-- $ZB_USERNAME is the username's format (user%d@bench.example, or user%d for the directory),
-- $ZB_HOST the Host header's (bench.localhost, or o%d.localhost with $ZB_ORGS organizations:
-- user I belongs to organization I mod $ZB_ORGS), $ZB_PASSWORD everyone's password.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")

local username = os.getenv("ZB_USERNAME")
local host = os.getenv("ZB_HOST")
local orgs = tonumber(os.getenv("ZB_ORGS") or "1")
local password = common.urlencode(os.getenv("ZB_PASSWORD"))

common.install()

function request()
    local i = common.user()
    local body = "username=" .. common.urlencode(string.format(username, i)) .. "&password=" .. password
    return wrk.format("POST", "/api/v1/fetch_api_key", {
        ["Host"] = string.format(host, i % orgs),
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
end
