// The minimal directory client that zauth's LDAP logins are compared with: per login, the same
// directory work zauth's LDAP backend does (search for the user as the service account, then a
// simple bind as the user found), without HTTP, sessions or anything else.
//
// Run with the source launcher and the UnboundID LDAP SDK that zauth itself uses:
//   java -cp unboundid-ldapsdk-7.0.5.jar bench/LdapReference.java --url 127.0.0.1:389 \
//       --bind-dn cn=admin,dc=bench,dc=example --bind-password admin-password \
//       --users-dn ou=people,dc=bench,dc=example --users 1000 --password user-password \
//       --threads 4 --seconds 5 --warmup 2 [--mode reused]
//
// With --cpu-of slapd=PID (names and process ids, comma-separated), the JSON line also holds
// "cpu_us": the CPU time per login, over the measured period only, of this client, of each
// process named and of the whole machine (every core's busy time), read from /proc.
//
// Users are uid=user1 .. uid=userN, all with the same password. Mode "reused": each thread opens
// two connections once (one bound as the service account for searches, one for the user binds)
// and reuses them for every login. Prints one JSON line shaped like bench/lua/common.lua's for
// wrk: successful logins per second over the measured period, latency percentiles in ms.
// Exits 1 with a message on stderr if the setup fails or a connection is lost.

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

public class LdapReference {

    record Options(String host, int port, String bindDn, String bindPassword, String usersDn,
                   int users, String password, int threads, int seconds, int warmup, Map<String, String> cpuOf) {}

    /** One thread's connections and results; latencies in ns of every measured login, failed or not. */
    static final class Worker {
        final Options o;
        final LDAPConnection search;
        final LDAPConnection bind;
        long[] latencies = new long[1 << 16];
        int count;
        long succeeded, failed, lastEnd;
        String fatal;

        Worker(Options o) throws LDAPException {
            this.o = o;
            search = new LDAPConnection(o.host(), o.port(), o.bindDn(), o.bindPassword());
            bind = new LDAPConnection(o.host(), o.port());
        }

        /** One login: find the user's entry by uid, then bind as it. False if either step fails. */
        boolean login(int user) throws LDAPException {
            SearchRequest request = new SearchRequest(o.usersDn(), SearchScope.ONE,
                    Filter.createEqualityFilter("uid", "user" + user), "mail");
            request.setSizeLimit(2);
            try {
                SearchResult result = search.search(request);
                if (result.getEntryCount() != 1) {
                    return false;
                }
                bind.bind(result.getSearchEntries().get(0).getDN(), o.password());
                return true;
            } catch (LDAPException e) {
                if (!search.isConnected() || !bind.isConnected()) {
                    throw e;
                }
                return false;
            }
        }

        /** Logs in until measureEnd; counts and times only the logins started after warmupEnd. */
        void run(long warmupEnd, long measureEnd) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                for (long start = System.nanoTime(); start < measureEnd; start = System.nanoTime()) {
                    boolean ok = login(random.nextInt(1, o.users() + 1));
                    long end = System.nanoTime();
                    if (start >= warmupEnd) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = end - start;
                        if (ok) succeeded++; else failed++;
                        lastEnd = end;
                    }
                }
            } catch (LDAPException e) {
                fatal = "connection lost: " + e.getMessage();
            } finally {
                search.close();
                bind.close();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options o;
        Worker[] workers;
        try {
            o = parse(args);
            // Setup before any timing: every thread's connections, and one login that must succeed.
            workers = new Worker[o.threads()];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(o);
            }
            if (!workers[0].login(1)) {
                throw new IllegalStateException("login of user1 failed (users DN or password wrong?)");
            }
        } catch (LDAPException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("LdapReference: " + e.getMessage());
            System.exit(1);
            return;
        }

        long warmupEnd = System.nanoTime() + o.warmup() * 1_000_000_000L;
        long measureEnd = warmupEnd + o.seconds() * 1_000_000_000L;
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            Worker w = workers[i];
            threads[i] = new Thread(() -> w.run(warmupEnd, measureEnd), "login-" + i);
            threads[i].start();
        }
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        Map<String, Long> cpuBefore = cpuTicks(o.cpuOf());
        for (Thread t : threads) {
            t.join();
        }
        Map<String, Long> cpuAfter = cpuTicks(o.cpuOf());

        long succeeded = 0, failed = 0, lastEnd = measureEnd;
        int total = 0;
        for (Worker w : workers) {
            if (w.fatal != null) {
                System.err.println("LdapReference: " + w.fatal);
                System.exit(1);
            }
            succeeded += w.succeeded;
            failed += w.failed;
            lastEnd = Math.max(lastEnd, w.lastEnd);
            total += w.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);

        // Like wrk: the measured period runs until the last counted login ended.
        double seconds = (lastEnd - warmupEnd) / 1e9;
        StringBuilder cpu = new StringBuilder();
        if (!o.cpuOf().isEmpty()) {
            StringBuilder fields = new StringBuilder();
            for (Map.Entry<String, Long> e : cpuAfter.entrySet()) {
                double perLogin = (e.getValue() - cpuBefore.get(e.getKey())) / (double) CLOCK_TICKS * 1e6 / Math.max(1, succeeded + failed);
                fields.append(fields.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.1f", e.getKey(), perLogin));
            }
            cpu.append(",\"cpu_us\":{").append(fields).append('}');
        }
        System.out.printf(Locale.ROOT,
                "{\"rate\":%.2f,\"requests\":%d,\"failed\":%d,\"non2xx\":0,\"seconds\":%.2f,"
                        + "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f%s}%n",
                succeeded / seconds, succeeded + failed, failed, seconds,
                percentileMs(all, 50), percentileMs(all, 90), percentileMs(all, 99),
                percentileMs(all, 100), cpu);
    }

    /** Linux's USER_HZ, the unit of /proc's CPU times; 100 on every platform Linux supports today. */
    static final int CLOCK_TICKS = 100;

    /** CPU clock ticks so far of this process ("client"), of each named process, and of the whole machine. */
    static Map<String, Long> cpuTicks(Map<String, String> named) {
        Map<String, Long> ticks = new java.util.LinkedHashMap<>();
        if (named.isEmpty()) {
            return ticks;
        }
        try {
            ticks.put("client", processTicks("self"));
            for (Map.Entry<String, String> e : named.entrySet()) {
                ticks.put(e.getKey(), processTicks(e.getValue()));
            }
            // The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks.put("machine", Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                    + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ticks;
    }

    /** utime + stime of /proc/PID/stat, the 14th and 15th fields (after the command name in parentheses). */
    static long processTicks(String pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    /** name=pid,name=pid in the order given. */
    static Map<String, String> cpuOf(String list) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        for (String pair : list.split(",")) {
            if (!pair.isBlank()) {
                String[] nameAndPid = pair.split("=", 2);
                if (nameAndPid.length != 2 || !nameAndPid[1].matches("[0-9]+")) {
                    throw new IllegalArgumentException("--cpu-of takes name=pid,..., got " + pair);
                }
                named.put(nameAndPid[0], nameAndPid[1]);
            }
        }
        return named;
    }

    /** --name value pairs; --url takes host:port or ldap://host:port/. */
    static Options parse(String[] args) {
        Map<String, String> m = new HashMap<>(Map.of("threads", "4", "seconds", "10", "warmup", "2", "mode", "reused",
                "cpu-of", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"url", "bind-dn", "bind-password", "users-dn", "users", "password"}) {
            if (!m.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        if (!m.get("mode").equals("reused")) {
            throw new IllegalArgumentException("unknown --mode " + m.get("mode") + " (only reused)");
        }
        String url = m.get("url").replaceFirst("^ldap://", "").replaceFirst("/$", "");
        int colon = url.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--url needs host:port, got " + m.get("url"));
        }
        Options o = new Options(url.substring(0, colon), Integer.parseInt(url.substring(colon + 1)),
                m.get("bind-dn"), m.get("bind-password"), m.get("users-dn"), Integer.parseInt(m.get("users")),
                m.get("password"), Integer.parseInt(m.get("threads")), Integer.parseInt(m.get("seconds")),
                Integer.parseInt(m.get("warmup")), cpuOf(m.get("cpu-of")));
        if (o.users() < 1 || o.threads() < 1 || o.seconds() < 1 || o.warmup() < 0) {
            throw new IllegalArgumentException("--users, --threads and --seconds must be at least 1, --warmup at least 0");
        }
        return o;
    }
}
