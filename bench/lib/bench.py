"""Helpers for bench/run (Python standard library only).

  users-csv N HASH CSV KEYS          a Zulip user export (README "Migrating from Zulip") of
                                     user1..userN@bench.example with password hash HASH and
                                     fresh API keys, and KEYS: their "Basic ..." headers
  first-login START_NS URL HOST USERNAME PASSWORD
                                     polls fetch_api_key until it succeeds; prints the
                                     milliseconds since START_NS (a time.time_ns() value)
  api-key URL HOST USERNAME PASSWORD logs in once and prints the API key
  warm URL HOST_FORMAT USERNAME_FORMAT N PASSWORD [ORGS]
                                     logs users 1..N in once each, in order (provisions
                                     directory users, warms the JIT); fails on any non-200;
                                     user I's Host is HOST_FORMAT % (I mod ORGS) when it has %d
  argon2 MEMORY_KIB ITERATIONS PARALLELISM SECONDS LOOPS
                                     the C reference: LOOPS parallel loops of Debian's argon2
                                     command; prints a JSON line shaped like common.lua's
  rss PID                            peak resident memory (VmHWM) of a process, in KiB
  cpu-ms PID                         CPU time a process has used so far (all threads), in ms
  startup STARTUP_JSONL              the B7 start-up variants: medians of wall and CPU time
  shares COLLAPSED                   from an async-profiler collapsed profile: the share of CPU
                                     samples under each frame that matters to zauth's paths
  report RESULTS_JSONL FACTS_JSON OUT_MD [STARTUP_JSONL]
                                     the results file and the summary table
"""

import base64
import http.client
import json
import os
import secrets
import statistics
import string
import subprocess
import sys
import threading
import time
import urllib.parse

KEY_ALPHABET = string.ascii_letters + string.digits


def users_csv(n, password_hash, csv_path, keys_path):
    with open(csv_path, "w", newline="") as csv, open(keys_path, "w") as keys:
        csv.write("delivery_email,full_name,password,api_key,is_active,role,date_joined\r\n")
        for i in range(1, int(n) + 1):
            email = f"user{i}@bench.example"
            key = "".join(secrets.choice(KEY_ALPHABET) for _ in range(32))
            # Argon2 hashes contain commas: quoted, as PostgreSQL's COPY writes them.
            csv.write(f'{email},User {i},"{password_hash}",{key},t,400,2024-01-15T10:23:45.000000Z\r\n')
            keys.write("Basic " + base64.b64encode(f"{email}:{key}".encode()).decode() + "\n")


def login(conn, host, username, password):
    body = urllib.parse.urlencode({"username": username, "password": password})
    conn.request("POST", "/api/v1/fetch_api_key", body,
                 {"Host": host, "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    payload = response.read()
    return response.status, payload


def connection(url):
    parsed = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def first_login(start_ns, url, host, username, password):
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            status, _ = login(connection(url), host, username, password)
            if status == 200:
                print(round((time.time_ns() - int(start_ns)) / 1e6))
                return
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit("no successful login within 300 s")


def api_key(url, host, username, password):
    status, payload = login(connection(url), host, username, password)
    if status != 200:
        sys.exit(f"login {username} got {status}: {payload[:200]!r}")
    print(json.loads(payload)["api_key"])


def warm(url, host_format, username_format, n, password, orgs="1"):
    conn = connection(url)
    for i in range(1, int(n) + 1):
        host = host_format % (i % int(orgs)) if "%d" in host_format else host_format
        status, payload = login(conn, host, username_format % i, password)
        if status != 200:
            sys.exit(f"warm-up login {username_format % i} got {status}: {payload[:200]!r}")


def argon2(memory_kib, iterations, parallelism, seconds, loops):
    """Debian's argon2 command, -r (one hash per call, raw output), in parallel loops."""
    command = ["argon2", "benchsalt16bytes", "-id", "-t", str(iterations), "-k", str(memory_kib),
               "-p", str(parallelism), "-r"]
    stop = time.monotonic() + float(seconds)
    latencies = []
    lock = threading.Lock()

    def loop():
        mine = []
        while time.monotonic() < stop:
            started = time.monotonic()
            subprocess.run(command, input=b"correct horse battery", stdout=subprocess.DEVNULL, check=True)
            mine.append(time.monotonic() - started)
        with lock:
            latencies.extend(mine)

    began = time.monotonic()
    threads = [threading.Thread(target=loop) for _ in range(int(loops))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(json.dumps({"rate": round(len(latencies) / elapsed, 2), "requests": len(latencies), "failed": 0,
                      "non2xx": 0, "seconds": round(elapsed, 2), "p50_ms": round(pct(50), 3),
                      "p90_ms": round(pct(90), 3), "p99_ms": round(pct(99), 3), "max_ms": round(latencies[-1] * 1000, 3)}))


def rss(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print(line.split()[1])
                return
    sys.exit(f"no VmHWM for {pid}")


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    print(round((int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")))


# What each start-up variant of bench/lib/startup.sh is.
# The start-up targets: JDK 17 within 3 s as it is run today, JDK 25 with its AOT cache within 1 s.
STARTUP_TARGETS = {"b7.jdk17": 3.0, "b7.jdk17_cds": 3.0, "b7.jdk25_aot": 1.0}
STARTUP_VARIANTS = [
    ("b7.jdk17", "JDK 17, fast-jar, `bin/zauth` (no cache)"),
    ("b7.jdk17_cds", "JDK 17, aot-jar + AppCDS archive, `bin/zauth` (`-XX:SharedArchiveFile=app-cds.jsa -XX:CompileThresholdScaling=4`)"),
    ("b7.jdk25", "JDK 25, fast-jar, `bin/zauth` (no cache)"),
    ("b7.jdk25_aot", "JDK 25, aot-jar + Leyden AOT cache, `bin/zauth` (`-XX:AOTCache=app.aot -XX:CompileThresholdScaling=4`)"),
    ("b7.jdk25_aot_jit", "JDK 25, aot-jar + Leyden AOT cache, the JVM's JIT thresholds (`JAVA_OPTS=-XX:CompileThresholdScaling=1`)"),
]
WARMUP_VARIANTS = [
    ("b7w.aot", "JDK 25 + AOT cache, `bin/zauth` (JIT thresholds ×4)"),
    ("b7w.aot_jit", "JDK 25 + AOT cache, the JVM's JIT thresholds"),
]


def startup_lines(startup_path):
    runs = {}
    with open(startup_path) as results:
        for line in results:
            row = json.loads(line)
            runs.setdefault(row["series"], []).append(row)
    lines = ["| variant | launch to first login, median (spread) | CPU time until then, median | rounds | target |",
             "|---|---|---|---|---|"]
    for series, what in STARTUP_VARIANTS:
        rows = runs.get(series)
        if rows:
            wall = [r["ms"] / 1000 for r in rows]
            cpu = statistics.median(r["cpu_ms"] for r in rows) / 1000
            target = STARTUP_TARGETS.get(series)
            goal = "" if target is None else (f"≤ {target:g} s: " + (
                "met" if statistics.median(wall) <= target else "**missed**"))
            lines.append(f"| {what} | {statistics.median(wall):.2f} s ({spread(wall)}) | {cpu:.2f} s | {len(rows)} | {goal} |")
    warmup = {series: runs[series] for series, _ in WARMUP_VARIANTS if series in runs}
    if warmup:
        windows = max(r["window"] for rows in warmup.values() for r in rows)
        lines += ["", "Right after the first login: users/me per second at full load (wrk, 32 connections), median "
                  "of the rounds in each consecutive 5 s window.", "",
                  "| variant | " + " | ".join(f"{5 * (w - 1)}-{5 * w} s" for w in range(1, windows + 1)) + " | rounds |",
                  "|---|" + "---|" * windows + "---|"]
        for series, what in WARMUP_VARIANTS:
            rows = warmup.get(series)
            if rows:
                cells = [f"{statistics.median(r['rate'] for r in rows if r['window'] == w):,.0f}"
                         for w in range(1, windows + 1)]
                lines.append(f"| {what} | " + " | ".join(cells) + f" | {len({r['round'] for r in rows})} |")
    return lines


def startup(startup_path):
    print("\n".join(startup_lines(startup_path)))


# Frames whose inclusive share of samples explains where a request's time goes.
FRAMES = [
    ("Vert.x event loops (HTTP, Redis I/O)", "io/netty/channel/nio/NioEventLoop.run"),
    ("fetch_api_key resource", "io/zauth/api/FetchApiKeyResource.fetchTimed"),
    ("users/me resource", "io/zauth/api/UsersMeResource.me"),
    ("forward-auth resource", "io/zauth/api/ForwardAuthResource.check"),
    ("API-key check (Basic, digest, cache, compare)", "io/zauth/login/ApiKeyAuthenticator.authenticate"),
    ("RESTEasy Reactive request handling", "org/jboss/resteasy/reactive/server/handlers"),
    ("JSON writing (Jackson)", "com/fasterxml/jackson/databind/ObjectWriter"),
    ("Micrometer HTTP server metrics", "io/quarkus/micrometer/runtime/binder/vertx"),
    ("rate limiter (Redis round trips)", "io/zauth/ratelimit/LoginRateLimiter"),
    ("LDAP search and bind", "io/zauth/ldap/Directory.observed"),
    ("password hashing (libargon2)", "io/zauth/password/PasswordHasher"),
    ("account cache and user look-ups", "io/zauth/user/UserAccounts"),
    ("Hibernate queries", "org/hibernate/query/spi/AbstractSelectionQuery.list"),
    ("JTA transactions", "io/quarkus/narayana/jta/runtime/interceptor/TransactionalInterceptorBase.intercept"),
    ("audit log lines", "io/zauth/audit/AuditLog"),
    ("JIT compilers (C2, C1)", "CompileBroker::compiler_thread_loop"),
    ("garbage collection", "G1"),
    ("class loading and definition", "java/lang/ClassLoader.defineClass"),
    ("Quarkus start-up (main thread)", "io/quarkus/runtime/Application.start"),
    ("Hibernate ORM boot", "io/quarkus/hibernate/orm/runtime/PersistenceUnitsHolder.initializeJpa"),
    ("Flyway", "org/flywaydb/core/Flyway.migrate"),
    ("configuration", "io/smallrye/config/SmallRyeConfigBuilder.build"),
]


def shares(collapsed_path):
    totals = {label: 0 for label, _ in FRAMES}
    total = 0
    with open(collapsed_path) as collapsed:
        for line in collapsed:
            stack, _, count = line.rstrip().rpartition(" ")
            count = int(count)
            total += count
            for label, frame in FRAMES:
                if frame in stack:
                    totals[label] += count
    print(f"{total} samples (1 ms of CPU each)")
    for label, frame in FRAMES:
        if totals[label]:
            print(f"{100 * totals[label] / total:5.1f}%  {label}")


# ---- report ----------------------------------------------------------------------------------

# What each comparison is, its zauth side and reference side (keys in results.jsonl), and target.
COMPARISONS = [
    ("B1", "email logins/s, Argon2id m=19456 t=2 p=1", "b1.zauth", "b1.argon2", "Debian's C argon2 command, same parameters, all cores", 0.9),
    ("B1'", "email logins/s, Argon2id m=19456 t=2 p=1", "b1.zauth", "b1.libargon2", "zauth's own libargon2 from C, all cores", 0.9),
    ("B2", "email logins/s, imported Django hashes m=102400 t=2 p=8", "b2.zauth", "b2.argon2", "Debian's C argon2 command, same parameters, all cores", 0.9),
    ("B2'", "email logins/s, imported Django hashes m=102400 t=2 p=8", "b2.zauth", "b2.libargon2", "zauth's own libargon2 from C, all cores", 0.9),
    ("B3", "LDAP logins/s, search-then-bind on slapd, limits in Redis", "b3.zauth", "b3.unboundid", "minimal UnboundID client, reused connections", 0.6),
    ("B3m", "LDAP logins/s, search-then-bind on slapd, limits in memory", "b3.zauth_memory", "b3.unboundid_memory", "minimal UnboundID client, reused connections", 0.6),
    ("B4", "users/me req/s, 100,000 users, PostgreSQL", "b4.users_me", "b4.trivial", "trivial endpoint, same server", 0.8),
    ("B4'", "users/me req/s, account cache off", "b4.users_me_uncached", "b4.trivial", "trivial endpoint, same server", None),
    ("B5a", "users/me req/s, 1,000,000 users", "b5.users_me_1m", "b5.users_me_1k", "users/me, 1,000 users", 0.8),
    ("B5b", "users/me req/s, 100,000 users", "b4.users_me", "b5.users_me_1k", "users/me, 1,000 users", 0.8),
    ("B5c", "email logins/s, 1,000 organizations", "b5.zauth_1000_orgs", "b5.zauth_1_org", "email logins/s, 1 organization", 0.8),
    ("B6a", "email logins/s (B1)", "b6.zauth_email", "b6.keycloak_email", "Keycloak 26.7.3 direct grant, same Argon2", 2.5),
    ("B6b", "LDAP logins/s (B3)", "b6.zauth_ldap", "b6.keycloak_ldap", "Keycloak 26.7.3 direct grant, LDAP federation", 15.0),
    ("B6c", "email logins/s, Argon2id m=7168 t=5 p=1 (Keycloak's default)", "b6c.zauth", "b6c.keycloak",
     "Keycloak 26.7.3 direct grant, same Argon2", 3.0),
    ("B8", "API req/s through nginx with forward authentication, 100,000 users", "b8.forward_auth", "b8.nginx_only",
     "nginx to the same upstream without it, same connections", 0.7),
]


def paired_ratio(ours, theirs):
    """The median of the rounds' ratios, when both sides ran in the same rounds (back to back)."""
    by_round = {r["round"]: r["rate"] for r in theirs}
    ratios = [r["rate"] / by_round[r["round"]] for r in ours if by_round.get(r["round"])]
    return statistics.median(ratios) if len(ratios) == len(ours) == len(theirs) else None


def spread(values):
    return f"{min(values):,.1f}–{max(values):,.1f}" if len(values) > 1 else "–"


def report(results_path, facts_path, out_path, startup_path=None):
    runs = {}
    with open(results_path) as results:
        for line in results:
            row = json.loads(line)
            runs.setdefault(row["series"], []).append(row)
    with open(facts_path) as f:
        facts = json.load(f)

    def median(series, field="rate"):
        return statistics.median(r[field] for r in runs[series])

    lines = [f"# zauth benchmarks, {facts['date']}", "",
             f"Machine: {facts['machine']}. Load generator: {facts['load']}.",
             f"Command: `{facts['command']}` ({facts['rounds']} alternating rounds of {facts['seconds']} s per side; "
             "medians, with the spread of the rounds in \"Every round\"). Every figure stands beside the one it is "
             "compared with, measured in the same run. Where both sides ran in the same rounds, back to back, the "
             "ratio is the median of the rounds' ratios (it cancels the machine's drift between rounds); otherwise "
             "(B4', B5a, B5b: measured one after the other) the ratio of the medians.", "",
             "## Summary", "",
             "| # | zauth side | median | reference side | median | ratio | target | |",
             "|---|---|---|---|---|---|---|---|"]
    summary = []
    for key, what, ours, theirs, reference, target in COMPARISONS:
        if ours not in runs or theirs not in runs:
            continue
        a, b = median(ours), median(theirs)
        alternated = key not in ("B4'", "B5a", "B5b")
        ratio = (alternated and paired_ratio(runs[ours], runs[theirs])) or (a / b if b else float("inf"))
        flat = key.startswith("B5")
        if target is None:
            goal, verdict = "none: shows what the cache buys", ""
        else:
            met = (ratio >= target) if not flat else (abs(1 - ratio) <= 0.2)
            goal = "within 20 % (0.8–1.2)" if flat else f"≥ {target:g}"
            verdict = "met" if met else "**missed**"
        lines.append(f"| {key} | {what} | {a:,.1f} (p99 {median(ours, 'p99_ms'):.1f} ms) | {reference} | "
                     f"{b:,.1f} (p99 {median(theirs, 'p99_ms'):.1f} ms) | {ratio:.2f} | {goal} | {verdict} |")
        summary.append((key, a, b, ratio, goal, verdict))

    if "b6c.zauth" in runs and "b6c.keycloak" in runs:
        cores = facts.get("cores", 1)
        lines += ["", f"B6c per core ({cores} cores, load generator included): zauth "
                  f"{median('b6c.zauth') / cores:,.1f} logins/s, Keycloak {median('b6c.keycloak') / cores:,.1f} "
                  "logins/s. Keycloak's sizing guide publishes 15 password logins/s per vCPU at these parameters."]
    lines += ["", "## B7: memory and start-up", "",
              "| | zauth | Keycloak 26.7.3 | target (zauth) |", "|---|---|---|---|"]
    rss_z, rss_k = facts.get("zauth_rss_kib"), facts.get("keycloak_rss_kib")
    start_z, start_k = facts.get("zauth_start_ms"), facts.get("keycloak_start_ms")
    lines.append(f"| peak resident memory through B1–B4 (VmHWM) | {mib(rss_z)} | {mib(rss_k)} | ≤ 384 MiB: "
                 f"{'met' if rss_z and rss_z <= 384 * 1024 else '**missed**'} |")
    lines.append(f"| launch to first successful login (JDK 17, no cache) | {ms(start_z)} | {ms(start_k)} | ≤ 3 s: "
                 f"{'met' if start_z and start_z <= 3000 else '**missed**'} |")

    if startup_path and os.path.exists(startup_path):
        lines += ["", "Launch to first successful login by JDK and start-up cache (bench/lib/startup.sh; "
                  "alternated, one launch of each per round):", ""] + startup_lines(startup_path)

    lines += ["", "## Every round", "",
              "| series | round | per second | p50 ms | p90 ms | p99 ms | requests | failed |",
              "|---|---|---|---|---|---|---|---|"]
    for series, rows in runs.items():
        for r in rows:
            lines.append(f"| {series} | {r['round']} | {r['rate']:,.1f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | "
                         f"{r['p99_ms']:.2f} | {r['requests']:,} | {r['failed']:,} |")
        values = [r["rate"] for r in rows]
        lines.append(f"| {series} | median (spread) | {statistics.median(values):,.1f} ({spread(values)}) | | | | | |")
    lines += ["", "## Setup", ""] + [f"- {note}" for note in facts.get("notes", [])]
    with open(out_path, "w") as out:
        out.write("\n".join(lines) + "\n")

    print(f"{'#':5} {'zauth':>12} {'reference':>12} {'ratio':>7}  target")
    for key, a, b, ratio, goal, verdict in summary:
        print(f"{key:5} {a:12,.1f} {b:12,.1f} {ratio:7.2f}  {goal} {verdict.strip('*')}")
    print(f"B7    RSS zauth {mib(rss_z)}, Keycloak {mib(rss_k)}; start zauth {ms(start_z)}, Keycloak {ms(start_k)}")


def mib(kib):
    return f"{kib / 1024:,.0f} MiB" if kib else "–"


def ms(value):
    return f"{value / 1000:.2f} s" if value else "–"


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"users-csv": users_csv, "first-login": first_login, "api-key": api_key, "warm": warm, "argon2": argon2, "rss": rss,
     "cpu-ms": cpu_ms, "startup": startup, "shares": shares, "report": report}[command](*arguments)
