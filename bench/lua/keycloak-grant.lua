-- Keycloak direct-grant logins (OAuth2 resource-owner password grant) for wrk: each request
-- posts user I's username and password, I at random from 1..$ZB_USERS, to the token endpoint
-- of realm $ZB_REALM as the public client zauth-bench (bench/lib/keycloak.sh sets it up).
-- Every user has the password $ZB_PASSWORD. A 200 answer carries the tokens; anything else
-- counts as a failure in common.done's JSON line.
package.path = "bench/lua/?.lua;" .. package.path
local common = require("common")

local realm = os.getenv("ZB_REALM") or error("ZB_REALM is not set")
local password = common.urlencode(os.getenv("ZB_PASSWORD") or error("ZB_PASSWORD is not set"))
local path = "/realms/" .. common.urlencode(realm) .. "/protocol/openid-connect/token"
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

common.install()

function request()
    local body = "grant_type=password&client_id=zauth-bench&username=user" .. common.user()
        .. "&password=" .. password
    return wrk.format("POST", path, headers, body)
end
