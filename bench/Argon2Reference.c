/*
 * The hash limit as zauth meets it: Argon2id computed by the very libargon2 that zauth calls
 * (the one argon2-jvm bundles, an optimized build), from C, in one thread per core, with no server
 * around it. bench/run measures it beside Debian's argon2 command, which is the portable
 * reference build of the same algorithm and slower.
 *
 *   gcc -O2 -pthread -o argon2-reference bench/Argon2Reference.c -ldl
 *   ./argon2-reference LIBARGON2_SO MEMORY_KIB ITERATIONS PARALLELISM SECONDS THREADS
 *
 * Prints one JSON line shaped like bench/lua/common.lua's: hashes per second, latency percentiles.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef int (*argon2id_hash_raw_fn)(uint32_t t_cost, uint32_t m_cost, uint32_t parallelism,
                                    const void *pwd, size_t pwdlen, const void *salt, size_t saltlen,
                                    void *hash, size_t hashlen);

static argon2id_hash_raw_fn hash_raw;
static uint32_t memory_kib, iterations, parallelism;
static double stop_at;

#define MAX_SAMPLES 1000000

struct worker {
    pthread_t thread;
    double *latencies;
    size_t count;
    int failed;
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *run(void *arg) {
    struct worker *w = arg;
    const char password[] = "correct horse battery";
    const char salt[] = "benchsalt16bytes";
    unsigned char hash[32];
    while (now() < stop_at && w->count < MAX_SAMPLES) {
        double started = now();
        if (hash_raw(iterations, memory_kib, parallelism, password, strlen(password), salt, strlen(salt),
                     hash, sizeof hash) != 0) {
            w->failed++;
        }
        w->latencies[w->count++] = now() - started;
    }
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s LIBARGON2_SO MEMORY_KIB ITERATIONS PARALLELISM SECONDS THREADS\n", argv[0]);
        return 2;
    }
    void *library = dlopen(argv[1], RTLD_NOW);
    if (library == NULL || (hash_raw = (argon2id_hash_raw_fn)dlsym(library, "argon2id_hash_raw")) == NULL) {
        fprintf(stderr, "cannot load argon2id_hash_raw from %s: %s\n", argv[1], dlerror());
        return 1;
    }
    memory_kib = atoi(argv[2]);
    iterations = atoi(argv[3]);
    parallelism = atoi(argv[4]);
    double seconds = atof(argv[5]);
    int threads = atoi(argv[6]);

    struct worker *workers = calloc(threads, sizeof *workers);
    double began = now();
    stop_at = began + seconds;
    for (int i = 0; i < threads; i++) {
        workers[i].latencies = malloc(MAX_SAMPLES * sizeof(double));
        pthread_create(&workers[i].thread, NULL, run, &workers[i]);
    }
    size_t total = 0;
    int failed = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(workers[i].thread, NULL);
        total += workers[i].count;
        failed += workers[i].failed;
    }
    double elapsed = now() - began;
    double *all = malloc((total ? total : 1) * sizeof(double));
    size_t k = 0;
    for (int i = 0; i < threads; i++) {
        memcpy(all + k, workers[i].latencies, workers[i].count * sizeof(double));
        k += workers[i].count;
    }
    qsort(all, total, sizeof(double), by_value);
#define PCT(p) (total ? all[(size_t)((p) / 100.0 * (total - 1))] * 1000 : 0)
    printf("{\"rate\":%.2f,\"requests\":%zu,\"failed\":%d,\"non2xx\":0,\"seconds\":%.2f,"
           "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}\n",
           (total - failed) / elapsed, total, failed, elapsed, PCT(50), PCT(90), PCT(99),
           total ? all[total - 1] * 1000 : 0);
    return failed ? 1 : 0;
}
