# A throwaway OpenLDAP slapd (Debian's slapd and ldap-utils, back_mdb) holding N users, for the
# LDAP login benchmarks. Sourced by bench/run; safe under set -euo pipefail.
#
#   slapd_start DIR PORT N PASSWORD   configure, load and start; sets the globals below
#   slapd_stop DIR                    stop it and wait until the process is gone
#
# Users are uid=user1 .. uid=userN under ou=people,dc=bench,dc=example, each with mail
# userI@bench.example and the password PASSWORD. The service account is the database's rootDN.

SLAPD_SUFFIX='dc=bench,dc=example'
SLAPD_URL=''
SLAPD_BIND_DN="cn=admin,$SLAPD_SUFFIX"
SLAPD_BIND_PASSWORD='admin-password'
SLAPD_USERS_DN="ou=people,$SLAPD_SUFFIX"
SLAPD_PID=''

# cn=config for one mdb database. Logging is off (olcLogLevel 0) so it costs no throughput; the
# uid and objectClass equality indexes make the per-login search an index lookup. The rootDN has
# no size or time limits; everyone else gets the default of 500 entries, far above what a login
# search asks for. userPassword is usable for binds only.
_slapd_config_ldif() {
    local dir=$1 rootpw=$2
    cat <<EOF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $dir/slapd.pid
olcArgsFile: $dir/slapd.args
olcLogLevel: 0
olcToolThreads: 2

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: 500

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcDbDirectory: $dir/data
olcDbMaxSize: 1073741824
olcSuffix: $SLAPD_SUFFIX
olcRootDN: $SLAPD_BIND_DN
olcRootPW: $rootpw
olcDbIndex: objectClass eq
olcDbIndex: uid eq
olcAccess: {0}to attrs=userPassword by * auth
olcAccess: {1}to * by * read
EOF
}

# The directory's entries. Every user shares one {SSHA} hash, made once, so that generating
# 100,000 entries takes a fraction of a second; a bind still verifies a salted SHA-1 as usual.
_slapd_data_ldif() {
    local users=$1 hash=$2
    awk -v n="$users" -v hash="$hash" -v suffix="$SLAPD_SUFFIX" -v people="$SLAPD_USERS_DN" 'BEGIN {
        printf "dn: %s\nobjectClass: dcObject\nobjectClass: organization\ndc: bench\no: bench\n\n", suffix
        printf "dn: %s\nobjectClass: organizationalUnit\nou: people\n\n", people
        for (i = 1; i <= n; i++)
            printf "dn: uid=user%d,%s\nobjectClass: inetOrgPerson\nuid: user%d\ncn: User %d\nsn: %d\nmail: user%d@bench.example\nuserPassword: %s\n\n", i, people, i, i, i, i, hash
    }'
}

slapd_start() {
    local dir=$1 port=$2 users=$3 password=$4
    local rootpw hash pid='' i
    mkdir -p "$dir" || return 1
    dir=$(cd "$dir" && pwd) || return 1
    rm -rf "$dir/slapd.d" "$dir/data" "$dir/slapd.pid" "$dir/slapd.args"
    mkdir -p "$dir/slapd.d" "$dir/data" || return 1

    rootpw=$(slappasswd -h '{SSHA}' -s "$SLAPD_BIND_PASSWORD") || return 1
    hash=$(slappasswd -h '{SSHA}' -s "$password") || return 1
    _slapd_config_ldif "$dir" "$rootpw" >"$dir/config.ldif" || return 1
    slapadd -n 0 -F "$dir/slapd.d" -l "$dir/config.ldif" >"$dir/slapadd.log" 2>&1 \
        || { echo "slapd_start: loading cn=config failed, see $dir/slapadd.log" >&2; return 1; }
    _slapd_data_ldif "$users" "$hash" | slapadd -n 1 -F "$dir/slapd.d" -q >>"$dir/slapadd.log" 2>&1 \
        || { echo "slapd_start: loading $users users failed, see $dir/slapadd.log" >&2; return 1; }

    # slapd opens its listener, then detaches and writes the pid file; a busy port makes it exit
    # with an error instead.
    slapd -h "ldap://127.0.0.1:$port/" -F "$dir/slapd.d" >"$dir/slapd.log" 2>&1 \
        || { echo "slapd_start: slapd did not start on port $port, see $dir/slapd.log" >&2; return 1; }
    SLAPD_URL="ldap://127.0.0.1:$port/"
    for i in $(seq 1 100); do
        [ -s "$dir/slapd.pid" ] && pid=$(cat "$dir/slapd.pid")
        if [ -n "$pid" ] && ldapwhoami -x -H "$SLAPD_URL" -D "$SLAPD_BIND_DN" -w "$SLAPD_BIND_PASSWORD" >/dev/null 2>&1; then
            SLAPD_PID=$pid
            return 0
        fi
        sleep 0.1
    done
    echo "slapd_start: slapd on $SLAPD_URL did not answer within 10 s" >&2
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    return 1
}

slapd_stop() {
    local dir=$1 pid i
    [ -s "$dir/slapd.pid" ] || return 0
    pid=$(cat "$dir/slapd.pid")
    kill "$pid" 2>/dev/null || return 0
    # slapd is not our child (it detached), so poll until it has exited.
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { SLAPD_PID=''; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    SLAPD_PID=''
}
