# Keycloak as the reference side of bench/run: direct-grant (OAuth2 resource-owner password
# grant) logins against Keycloak 26.7.3, with local users hashed by Keycloak's Argon2 provider
# at given parameters, or with LDAP federation (search, then bind as the user) to a slapd.
#
# Sourced by bench/run (from the repo root, under set -euo pipefail). Needs curl, unzip,
# python3 (standard library only) and a Java 21+ runtime (KEYCLOAK_JAVA_HOME).
#
# How Keycloak is run, and why:
# - Production mode (`kc.sh start --optimized`), not start-dev: dev mode turns off theme and
#   template caching and is not what anyone measures. keycloak_fetch runs `kc.sh build` once
#   with the default build options (Keycloak refuses --optimized before a first build), so
#   each start skips the re-augmentation step, as in an operator's optimized image.
# - Database: `dev-file` (embedded H2 in HOME/data), Keycloak's default. keycloak_start deletes
#   HOME/data first, so each run begins on an empty database (its start-up includes creating
#   the schema and the master realm); keycloak_restart keeps it.
# - `--cache=local`: one node, no cluster. Production mode's default (`ispn`) would start
#   JGroups and look for peers, which a single-node benchmark does not need.
# - HTTP on 127.0.0.1 only, `--hostname-strict=false` (no public host name to pin).
# - Argon2 (Keycloak's default hash since 24) with the given memory / iterations /
#   parallelism, set as provider defaults before any user exists, so the realm's users are
#   hashed with them and no rehash-on-login happens. Keycloak bounds concurrent hashing to
#   the number of cores by default (provider option cpuCores); that default is kept.
# - JVM heap: kc.sh's default outside containers (-Xms64m -Xmx512m). Set JAVA_OPTS_KC_HEAP in
#   the environment to override it; kc.sh reads it.
# - The realms have brute-force detection off (the default, stated explicitly), events and
#   admin events off, and no event listener, so nothing is logged or stored per login.
#
# A direct-grant login in Keycloak also signs an access token and a refresh token (RS256) and
# creates a user session (persisted to the database, Keycloak 26's default); that is part of
# what a Keycloak login costs and is left as it is.
#
# Globals set here: KEYCLOAK_HOME, KEYCLOAK_PORT, KEYCLOAK_ARGON2 (memory, iterations,
# parallelism), KEYCLOAK_LOG, KEYCLOAK_LAUNCHER_PID (kc.sh), KEYCLOAK_PID (the java process),
# KEYCLOAK_LAUNCHED_MS (epoch ms at launch), KEYCLOAK_START_MS (launch to first successful
# login), KEYCLOAK_SETUP_MS (duration of the last setup call).

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_JAVA_HOME=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
KEYCLOAK_CLIENT=zauth-bench
# Throwaway bootstrap administrator of the master realm (loopback only, fresh database).
KEYCLOAK_ADMIN_USER=bench-admin
KEYCLOAK_ADMIN_PASSWORD=bench-admin-password
KEYCLOAK_START_TIMEOUT_S=${KEYCLOAK_START_TIMEOUT_S:-180}

KEYCLOAK_HOME=
KEYCLOAK_PORT=
KEYCLOAK_ARGON2=()
KEYCLOAK_LOG=
KEYCLOAK_LAUNCHER_PID=
KEYCLOAK_PID=
KEYCLOAK_LAUNCHED_MS=
KEYCLOAK_START_MS=
KEYCLOAK_SETUP_MS=

keycloak__now_ms() { date +%s%3N; }

# keycloak_fetch CACHE_DIR: download the distribution once (checked against Maven Central's
# .sha1 and for zip integrity), unzip and build it once, print the Keycloak home directory.
keycloak_fetch() {
    local cache=$1
    local name="keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    local url="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/$name"
    local zip="$cache/$name" home="$cache/keycloak-$KEYCLOAK_VERSION"
    mkdir -p "$cache"
    if [ ! -f "$zip" ]; then
        curl -fsS --retry 3 -o "$zip.part" "$url" || { echo "keycloak: download failed: $url" >&2; return 1; }
        local want got
        want=$(curl -fsS --retry 3 "$url.sha1" | cut -c1-40)
        got=$(sha1sum "$zip.part" | cut -c1-40)
        if [ "$want" != "$got" ]; then
            echo "keycloak: SHA-1 mismatch for $name (expected $want, got $got)" >&2
            rm -f "$zip.part"
            return 1
        fi
        unzip -tq "$zip.part" >/dev/null || { echo "keycloak: $name is not a valid zip" >&2; rm -f "$zip.part"; return 1; }
        mv "$zip.part" "$zip"
    fi
    # The marker is written last, so an interrupted unzip or build is redone.
    if [ ! -f "$home/.bench-built" ]; then
        rm -rf "$home"
        unzip -q "$zip" -d "$cache"
        JAVA_HOME="$KEYCLOAK_JAVA_HOME" "$home/bin/kc.sh" build >"$home/build.log" 2>&1 ||
            { echo "keycloak: kc.sh build failed; see $home/build.log" >&2; return 1; }
        touch "$home/.bench-built"
    fi
    echo "$home"
}

# keycloak_start HOME PORT MEMORY_KIB ITERATIONS PARALLELISM LOG: start Keycloak in the
# background on a fresh database with those Argon2 parameters; return once the bootstrap
# administrator can log in to the master realm by direct grant (client admin-cli). That login
# is the first successful one: KEYCLOAK_START_MS is the time from launch until it succeeded,
# which on a fresh database includes creating the schema and the master realm.
keycloak_start() {
    local home=$1 port=$2 memory=$3 iterations=$4 parallelism=$5 log=$6
    if [ -n "$KEYCLOAK_LAUNCHER_PID" ]; then
        echo "keycloak: already running (kc.sh pid $KEYCLOAK_LAUNCHER_PID)" >&2
        return 1
    fi
    rm -rf "$home/data"
    KEYCLOAK_HOME=$home
    KEYCLOAK_PORT=$port
    KEYCLOAK_ARGON2=("$memory" "$iterations" "$parallelism")
    KEYCLOAK_LOG=$log
    : >"$log"
    keycloak__launch
}

# keycloak_restart: stop Keycloak and start it again with the same settings on the database
# it has (realms and users kept); KEYCLOAK_START_MS is then launch to first login on an
# existing database, the start-up an operator sees after the first one. The log is appended.
keycloak_restart() {
    keycloak_stop
    keycloak__launch
}

keycloak__launch() {
    local port=$KEYCLOAK_PORT log=$KEYCLOAK_LOG
    KEYCLOAK_PID=
    KEYCLOAK_START_MS=
    KEYCLOAK_LAUNCHED_MS=$(keycloak__now_ms)
    JAVA_HOME="$KEYCLOAK_JAVA_HOME" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
        "$KEYCLOAK_HOME/bin/kc.sh" start --optimized \
            --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
            --hostname-strict=false --cache=local \
            --spi-password-hashing--argon2--memory="${KEYCLOAK_ARGON2[0]}" \
            --spi-password-hashing--argon2--iterations="${KEYCLOAK_ARGON2[1]}" \
            --spi-password-hashing--argon2--parallelism="${KEYCLOAK_ARGON2[2]}" \
            </dev/null >>"$log" 2>&1 &
    KEYCLOAK_LAUNCHER_PID=$!

    local deadline=$(( KEYCLOAK_LAUNCHED_MS + KEYCLOAK_START_TIMEOUT_S * 1000 ))
    until keycloak__admin_token "$port" >/dev/null 2>&1; do
        if ! kill -0 "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null; then
            echo "keycloak: exited during start-up; last lines of $log:" >&2
            tail -n 20 "$log" >&2
            wait "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null || true
            KEYCLOAK_LAUNCHER_PID=
            return 1
        fi
        if [ "$(keycloak__now_ms)" -gt "$deadline" ]; then
            echo "keycloak: no successful login within ${KEYCLOAK_START_TIMEOUT_S}s; see $log" >&2
            keycloak_stop
            return 1
        fi
        sleep 0.1
    done
    KEYCLOAK_START_MS=$(( $(keycloak__now_ms) - KEYCLOAK_LAUNCHED_MS ))
    KEYCLOAK_PID=$(keycloak__java_pid "$KEYCLOAK_LAUNCHER_PID")
}

# kc.sh runs java as its child and waits for it (it execs java itself only after an implicit
# re-augmentation, which --optimized rules out). Either way, the java process is found here.
keycloak__java_pid() {
    local launcher=$1
    if [ "$(cat "/proc/$launcher/comm" 2>/dev/null)" = java ]; then
        echo "$launcher"
    else
        pgrep -P "$launcher" -x java | head -n 1
    fi
}

# keycloak_stop: stop Keycloak (SIGTERM to java, SIGKILL after 30 s) and wait for kc.sh.
keycloak_stop() {
    [ -n "$KEYCLOAK_LAUNCHER_PID" ] || return 0
    local pid=${KEYCLOAK_PID:-$(keycloak__java_pid "$KEYCLOAK_LAUNCHER_PID")}
    kill -TERM "${pid:-$KEYCLOAK_LAUNCHER_PID}" 2>/dev/null || true
    local i
    for i in $(seq 1 300); do
        kill -0 "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null; then
        [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
        kill -KILL "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null || true
    fi
    wait "$KEYCLOAK_LAUNCHER_PID" 2>/dev/null || true
    KEYCLOAK_LAUNCHER_PID=
    KEYCLOAK_PID=
}

# keycloak_rss_kib: peak resident memory (VmHWM) of the Keycloak java process, in KiB.
keycloak_rss_kib() {
    awk '/^VmHWM:/ { print $2 }' "/proc/$KEYCLOAK_PID/status"
}

# keycloak_start_ms: milliseconds from launch to the first successful direct-grant login.
keycloak_start_ms() {
    echo "$KEYCLOAK_START_MS"
}

# keycloak__admin_token PORT: print an access token of the bootstrap administrator.
keycloak__admin_token() {
    curl -fsS "http://127.0.0.1:$1/realms/master/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode "username=$KEYCLOAK_ADMIN_USER" \
        --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# keycloak__admin PORT TOKEN METHOD PATH [JSON-FILE]: one admin REST call; on an HTTP error
# Keycloak's answer goes to stderr and the call fails.
keycloak__admin() {
    local port=$1 token=$2 method=$3 path=$4 body=${5:-}
    local args=(-sS --fail-with-body -X "$method" -H "Authorization: Bearer $token")
    [ -n "$body" ] && args+=(-H "Content-Type: application/json" --data-binary "@$body")
    curl "${args[@]}" "http://127.0.0.1:$port/admin$path" || { echo >&2; echo "keycloak: $method $path failed" >&2; return 1; }
}

# keycloak__realm_json REALM: the realm representation on stdout: the public direct-grant
# client, no brute-force detection, no events, no event listener.
keycloak__realm_json() {
    python3 - "$KEYCLOAK_CLIENT" "$1" <<'PY'
import json, sys
client, realm = sys.argv[1:3]
json.dump({
    "id": realm,
    "realm": realm,
    "enabled": True,
    "bruteForceProtected": False,
    "eventsEnabled": False,
    "adminEventsEnabled": False,
    "eventsListeners": [],
    "clients": [{
        "clientId": client,
        "enabled": True,
        "publicClient": True,
        "directAccessGrantsEnabled": True,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "serviceAccountsEnabled": False,
    }],
}, sys.stdout)
PY
}

# keycloak__users_json FIRST LAST PASSWORD: a partial-import body with users FIRST..LAST.
# Their passwords are given in plain text: Keycloak hashes them on import with the
# configured Argon2 parameters. First and last name are filled in because Keycloak's default
# user profile requires them (without them the login stops at "verify profile").
keycloak__users_json() {
    python3 - "$@" <<'PY'
import json, sys
first, last, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
json.dump({"ifResourceExists": "FAIL", "users": [{
    "username": f"user{i}",
    "email": f"user{i}@bench.example",
    "firstName": "User",
    "lastName": str(i),
    "enabled": True,
    "emailVerified": True,
    "requiredActions": [],
    "credentials": [{"type": "password", "value": password, "temporary": False}],
} for i in range(first, last + 1)]}, sys.stdout)
PY
}

# keycloak_setup_local PORT REALM N PASSWORD: realm REALM with client zauth-bench and users
# user1..userN (userI@bench.example, enabled, email verified, no required actions) with
# password PASSWORD. The users go in as one partial import per core, sent at once: one import
# hashes its users one after another, so this is what lets the N Argon2 hashings use every
# core. KEYCLOAK_SETUP_MS is how long it took.
keycloak_setup_local() {
    local port=$1 realm=$2 users=$3 password=$4
    local started token work chunks size first last pids=() failed=0 p
    started=$(keycloak__now_ms)
    work=$(mktemp -d /tmp/keycloak-setup.XXXXXX)
    token=$(keycloak__admin_token "$port")
    keycloak__realm_json "$realm" >"$work/realm.json"
    keycloak__admin "$port" "$token" POST /realms "$work/realm.json" || { rm -rf "$work"; return 1; }
    chunks=$(nproc)
    size=$(( (users + chunks - 1) / chunks ))
    for (( first = 1; first <= users; first += size )); do
        last=$(( first + size - 1 < users ? first + size - 1 : users ))
        keycloak__users_json "$first" "$last" "$password" >"$work/users-$first.json"
        keycloak__admin "$port" "$token" POST "/realms/$realm/partialImport" "$work/users-$first.json" >/dev/null &
        pids+=("$!")
    done
    for p in "${pids[@]}"; do
        wait "$p" || failed=1
    done
    rm -rf "$work"
    [ "$failed" = 0 ] || { echo "keycloak: importing users into realm $realm failed" >&2; return 1; }
    KEYCLOAK_SETUP_MS=$(( $(keycloak__now_ms) - started ))
}

# keycloak_setup_ldap PORT REALM LDAP_URL BIND_DN BIND_PASSWORD USERS_DN: realm REALM with
# client zauth-bench and an LDAP user-federation provider: read-only, users found by uid one
# level under USERS_DN (inetOrgPerson), pooled service connections, no periodic sync, users
# imported into Keycloak's database at their first login. Each login searches for the user
# with the service account, then binds as the user. The provider is created through the
# components endpoint (not the realm import) so that Keycloak adds its default attribute
# mappers for the vendor (uid, cn, sn, mail, timestamps).
keycloak_setup_ldap() {
    local port=$1 realm=$2 url=$3 bind_dn=$4 bind_password=$5 users_dn=$6
    local started token body
    started=$(keycloak__now_ms)
    body=$(mktemp /tmp/keycloak-realm.XXXXXX)
    token=$(keycloak__admin_token "$port")
    keycloak__realm_json "$realm" >"$body"
    keycloak__admin "$port" "$token" POST /realms "$body" || { rm -f "$body"; return 1; }
    python3 - "$realm" "$url" "$bind_dn" "$bind_password" "$users_dn" >"$body" <<'PY'
import json, sys
realm, url, bind_dn, bind_password, users_dn = sys.argv[1:6]
config = {
    "enabled": "true",
    "vendor": "other",
    "editMode": "READ_ONLY",
    "connectionUrl": url,
    "authType": "simple",
    "bindDn": bind_dn,
    "bindCredential": bind_password,
    "usersDn": users_dn,
    "usernameLDAPAttribute": "uid",
    "rdnLDAPAttribute": "uid",
    "uuidLDAPAttribute": "entryUUID",
    "userObjectClasses": "inetOrgPerson",
    "searchScope": "1",
    "connectionPooling": "true",
    "pagination": "false",
    "importEnabled": "true",
    "syncRegistrations": "false",
    "fullSyncPeriod": "-1",
    "changedSyncPeriod": "-1",
    "cachePolicy": "DEFAULT",
    "trustEmail": "true",
    "validatePasswordPolicy": "false",
    "allowKerberosAuthentication": "false",
    "useKerberosForPasswordAuthentication": "false",
}
json.dump({
    "name": "bench-ldap",
    "providerId": "ldap",
    "providerType": "org.keycloak.storage.UserStorageProvider",
    "parentId": realm,
    "config": {k: [v] for k, v in config.items()},
}, sys.stdout)
PY
    keycloak__admin "$port" "$token" POST "/realms/$realm/components" "$body" || { rm -f "$body"; return 1; }
    rm -f "$body"
    KEYCLOAK_SETUP_MS=$(( $(keycloak__now_ms) - started ))
}

# keycloak_login PORT REALM USERNAME PASSWORD: one direct-grant login; fails unless HTTP 200.
keycloak_login() {
    curl -fsS -o /dev/null "http://127.0.0.1:$1/realms/$2/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode "client_id=$KEYCLOAK_CLIENT" \
        --data-urlencode "username=$3" --data-urlencode "password=$4"
}

# keycloak_warm PORT REALM N PASSWORD: log each of user1..userN in once (with LDAP
# federation this also imports each user into Keycloak's database).
keycloak_warm() {
    local port=$1 realm=$2 users=$3 password=$4 i
    for i in $(seq 1 "$users"); do
        keycloak_login "$port" "$realm" "user$i" "$password" ||
            { echo "keycloak: warm-up login of user$i in realm $realm failed" >&2; return 1; }
    done
}
