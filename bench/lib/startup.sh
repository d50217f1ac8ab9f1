# Launch to first successful login (B7) on JDK 17 and JDK 25, each plain and with the start-up
# cache scripts/startup-cache trains; sourced by bench/run and bench/startup (bench/README.md).
# Needs from the sourcing script: py, log, postgres_env, with_postgres, zauth_settings, zauth_jvm,
# zport, password, work, temurin, a cleanup that stops $zauth_pid, and the user user1@bench.example
# in the organization 'bench'.
#
# Every launch goes through bin/zauth, as operators start the server: it picks the cache beside
# the jar for the JDK it runs on and, with a cache, lets the JIT compile later
# (-XX:CompileThresholdScaling=4). Variants (series names), alternated in each round so that the
# machine's drift falls on all:
#   b7.jdk17          the default fast-jar on JDK 17: no cache
#   b7.jdk17_cds      the aot-jar with the AppCDS archive trained on JDK 17 (app-cds.jsa)
#   b7.jdk25          the default fast-jar on the Temurin 25 JDK: no cache
#   b7.jdk25_aot      the aot-jar with the Leyden AOT cache trained on JDK 25 (app.aot)
#   b7.jdk25_aot_jit  the same with the JVM's own JIT thresholds (JAVA_OPTS=-XX:CompileThresholdScaling=1)
# Each launch gives two figures: wall time from launch to the first 200 of fetch_api_key, and the
# CPU time the process used until then (all its threads): on a shared machine the wall time grows
# with the others' load, the CPU time much less.
#
# What the later compiling costs (startup_warmup): right after the first login, users/me at full
# load (wrk, 32 connections) in consecutive 5 s windows, b7w.aot (the launcher's choice) alternated
# with b7w.aot_jit (the JVM's thresholds).

startup_jdk17=${ZB_JDK17:-java}
startup_results=$work/startup.jsonl

# The aot-jar packaging of the same build, in target/startup-aot (the fast-jar in
# target/quarkus-app stays as it is), with both caches trained on the benchmark's own settings.
startup_prepare() {  # db-kind
    log "B7: packaging the aot-jar for $1 and training its start-up caches on JDK 17 and JDK 25"
    ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind="$1" -Dquarkus.package.jar.type=aot-jar \
        -Dquarkus.package.output-directory=startup-aot
    startup_aot_app=$root/target/startup-aot
    # The training servers take the benchmark's port, free until the first launch below.
    with_postgres env JAVA="$startup_jdk17" STARTUP_CACHE_PORT="$zport" scripts/startup-cache "$startup_aot_app" \
        "${zauth_settings[@]}" >&2
    with_postgres env JAVA="$temurin/bin/java" STARTUP_CACHE_PORT="$zport" scripts/startup-cache "$startup_aot_app" \
        "${zauth_settings[@]}" >&2
}

startup_java_home() {  # java command -> its JDK's home
    dirname "$(dirname "$(readlink -f "$(command -v "$1")")")"
}

startup_server() {  # log-name java app-dir [JAVA_OPTS words]: starts bin/zauth in the background, pid in zauth_pid
    local name=$1 home app=$3
    home=$(startup_java_home "$2")
    shift 3
    # The launcher execs java, so that $! is the server's own pid (for its CPU time, and to stop it).
    (eval "$postgres_env" && JAVA_HOME=$home JAVA_OPTS="$zauth_jvm ${zauth_settings[*]} -Dquarkus.http.port=$zport \
        -Dquarkus.management.port=0 $*" exec "$app/bin/zauth") >"$work/zauth-startup-$name.log" 2>&1 &
    zauth_pid=$!
}

startup_stop() {
    kill "$zauth_pid"
    wait "$zauth_pid" 2>/dev/null || true
    zauth_pid=
}

startup_launch() {  # series round java app-dir [JAVA_OPTS words]
    local series=$1 round=$2 start ms cpu
    start=$(python3 -c 'import time; print(time.time_ns())')
    startup_server "$series" "${@:3}"
    ms=$(py first-login "$start" "http://127.0.0.1:$zport" bench.localhost user1@bench.example "$password")
    cpu=$(py cpu-ms "$zauth_pid")
    startup_stop
    echo "{\"series\":\"$series\",\"round\":$round,\"ms\":$ms,\"cpu_ms\":$cpu}" >>"$startup_results"
    log "$series round $round: first login after $ms ms, $cpu ms of CPU"
}

startup_compare() {  # rounds
    local fast=$root/target/quarkus-app r
    for r in $(seq 1 "$1"); do
        startup_launch b7.jdk17 "$r" "$startup_jdk17" "$fast"
        startup_launch b7.jdk17_cds "$r" "$startup_jdk17" "$startup_aot_app"
        startup_launch b7.jdk25 "$r" "$temurin/bin/java" "$fast"
        startup_launch b7.jdk25_aot "$r" "$temurin/bin/java" "$startup_aot_app"
        startup_launch b7.jdk25_aot_jit "$r" "$temurin/bin/java" "$startup_aot_app" -XX:CompileThresholdScaling=1
    done
}

startup_warmup() {  # rounds windows
    local r w series key
    for r in $(seq 1 "$1"); do
        for series in b7w.aot b7w.aot_jit; do
            if [ "$series" = b7w.aot ]; then
                startup_server "$series" "$temurin/bin/java" "$startup_aot_app"
            else
                startup_server "$series" "$temurin/bin/java" "$startup_aot_app" -XX:CompileThresholdScaling=1
            fi
            py first-login "$(python3 -c 'import time; print(time.time_ns())')" "http://127.0.0.1:$zport" bench.localhost \
                user1@bench.example "$password" >/dev/null
            key=$(py api-key "http://127.0.0.1:$zport" bench.localhost user1@bench.example "$password")
            printf 'Basic %s\n' "$(printf '%s:%s' user1@bench.example "$key" | base64 -w0)" >"$work/startup-keys.txt"
            for w in $(seq 1 "$2"); do
                ZB_HOST=bench.localhost ZB_KEYS=$work/startup-keys.txt wrk -t2 -c32 -d5s -s bench/lua/users-me.lua \
                    "http://127.0.0.1:$zport" | tail -n 1 |
                    python3 -c 'import json, sys; row = json.loads(sys.stdin.read()); row.update(series=sys.argv[1], round=int(sys.argv[2]), window=int(sys.argv[3])); print(json.dumps(row))' \
                        "$series" "$r" "$w" >>"$startup_results"
            done
            startup_stop
            log "$series round $r: $2 windows of 5 s of users/me after the first login"
        done
    done
}
