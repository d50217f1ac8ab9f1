-- Shared by the bench/lua scripts (wrk, Debian's package): picks users at random from
-- user1..userN (N from $ZB_USERS), and prints one JSON line at the end that bench/run reads:
-- successes per second (2xx answers only), latency percentiles in ms, and the failures.
local common = {}

common.users = tonumber(os.getenv("ZB_USERS") or "1")

function common.user()
    return math.random(common.users)
end

function common.urlencode(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function common.seed(thread_id)
    math.randomseed(os.time() * 1000 + (thread_id or 0))
end

-- wrk's hooks for a script: each thread numbered (setup) and seeded with its number (init), so
-- that threads pick different users, and the JSON line at the end (done).
function common.install()
    local counter = 0
    setup = function(thread)
        counter = counter + 1
        thread:set("id", counter)
    end
    init = function(args)
        common.seed(id)
    end
    done = common.done
end

function common.done(summary, latency, requests)
    local e = summary.errors
    local failed = e.status + e.connect + e.read + e.write + e.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
        '{"rate":%.2f,"requests":%d,"failed":%d,"non2xx":%d,"seconds":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
        (summary.requests - failed) / seconds, summary.requests, failed, e.status, seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end

return common
