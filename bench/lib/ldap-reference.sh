# Runs bench/LdapReference.java, the minimal directory client zauth's LDAP logins are compared
# with, against the slapd started by slapd_start (bench/lib/slapd.sh), using its globals.
# Sourced by bench/run; safe under set -euo pipefail.
#
#   ldap_reference JAR THREADS SECONDS WARMUP N PASSWORD [CPU_OF]
#
# JAR is the UnboundID LDAP SDK (the one zauth uses); N and PASSWORD are those given to
# slapd_start; CPU_OF (name=pid,...) adds the CPU time per login of the client, of those
# processes and of the machine. Prints the program's one JSON line; fails if the program fails.

ldap_reference() {
    local jar=$1 threads=$2 seconds=$3 warmup=$4 users=$5 password=$6 cpu_of=${7:-}
    local program
    program="$(dirname "${BASH_SOURCE[0]}")/../LdapReference.java"
    java -cp "$jar" "$program" --url "$SLAPD_URL" \
        --bind-dn "$SLAPD_BIND_DN" --bind-password "$SLAPD_BIND_PASSWORD" --users-dn "$SLAPD_USERS_DN" \
        --users "$users" --password "$password" \
        --threads "$threads" --seconds "$seconds" --warmup "$warmup" --mode reused --cpu-of "$cpu_of"
}
