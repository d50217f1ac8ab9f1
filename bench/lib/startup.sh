# Launch to first successful login (B7) on JDK 17 and JDK 25, each plain and with the start-up
# cache scripts/startup-cache trains; sourced by bench/run and bench/startup (bench/README.md).
# Needs from the sourcing script: py, log, postgres_env, with_postgres, zauth_settings, zauth_jvm,
# zport, password, work, temurin, a cleanup that stops $zauth_pid, and the user user1@bench.example
# in the organization 'bench'.
#
# Variants (series names), alternated in each round so that the machine's drift falls on all:
#   b7.jdk17       the default fast-jar, plain java -jar, JDK 17: what operators run today
#   b7.jdk17_cds   the aot-jar with the AppCDS archive trained on JDK 17 (-XX:SharedArchiveFile=app-cds.jsa)
#   b7.jdk25       the default fast-jar on the Temurin 25 JDK
#   b7.jdk25_aot   the aot-jar with the Leyden AOT cache trained on JDK 25 (-XX:AOTCache=app.aot)
# Each launch gives two figures: wall time from launch to the first 200 of fetch_api_key, and the
# CPU time the process used until then (all its threads): on a shared machine the wall time grows
# with the others' load, the CPU time much less.

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

startup_launch() {  # series round java app-dir [jvm options]
    local series=$1 round=$2 java=$3 app=$4 start ms cpu
    shift 4
    start=$(python3 -c 'import time; print(time.time_ns())')
    # The subshell execs java, so that $! is the server's own pid (for its CPU time, and to stop it).
    (eval "$postgres_env" && exec "$java" $zauth_jvm "$@" "${zauth_settings[@]}" -Dquarkus.http.port="$zport" \
        -Dquarkus.management.port=0 -jar "$app/quarkus-run.jar") >"$work/zauth-startup-$series.log" 2>&1 &
    zauth_pid=$!
    ms=$(py first-login "$start" "http://127.0.0.1:$zport" bench.localhost user1@bench.example "$password")
    cpu=$(py cpu-ms "$zauth_pid")
    kill "$zauth_pid"
    wait "$zauth_pid" 2>/dev/null || true
    zauth_pid=
    echo "{\"series\":\"$series\",\"round\":$round,\"ms\":$ms,\"cpu_ms\":$cpu}" >>"$startup_results"
    log "$series round $round: first login after $ms ms, $cpu ms of CPU"
}

startup_compare() {  # rounds
    local fast=$root/target/quarkus-app r
    for r in $(seq 1 "$1"); do
        startup_launch b7.jdk17 "$r" "$startup_jdk17" "$fast"
        startup_launch b7.jdk17_cds "$r" "$startup_jdk17" "$startup_aot_app" -XX:SharedArchiveFile="$startup_aot_app/app-cds.jsa"
        startup_launch b7.jdk25 "$r" "$temurin/bin/java" "$fast"
        startup_launch b7.jdk25_aot "$r" "$temurin/bin/java" "$startup_aot_app" -XX:AOTCache="$startup_aot_app/app.aot"
    done
}
