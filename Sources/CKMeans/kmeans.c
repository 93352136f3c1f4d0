// k-means distance kernels (CKMeans.h), written once with vector extensions and compiled three times:
// for AVX-512, for AVX2 and for the SSE2 baseline, the best the CPU supports picked at run time (cpuid and
// xgetbv). Hamerly's pass compares a row (row-major, so a recomputed row reads p contiguous values) with
// eight centres per vector, the centres stored feature by feature; the k-means++ distances take eight rows
// per vector (column-major) against four points held in registers. Contraction into fused multiply-add is off, so every
// lane computes ((0 + d0²) + d1²) + … exactly as the Swift loops.
// Leaves out: the cluster sums and bound bookkeeping across iterations (Hamerly.swift).

#pragma clang fp contract(off)
// The vector helpers are always inlined, so their vector-passing ABI never matters.
#pragma clang diagnostic ignored "-Wpsabi"

#include "CKMeans.h"
#include <math.h>
#include <string.h>

typedef double v8d __attribute__((vector_size(64)));

#define INLINE static inline __attribute__((always_inline))

INLINE v8d load8(const double *p) {
    v8d v;
    memcpy(&v, p, sizeof v);
    return v;
}

INLINE v8d splat(double s) { return (v8d){s, s, s, s, s, s, s, s}; }

/// Nearest and second nearest of the row at `row` (p values) over the k centres, eight centres per vector.
INLINE void row_two(const double *row, long p, const double *ct, long width, long k, long *label, double *best,
                    double *second) {
    double b = INFINITY, s = INFINITY;
    long lab = 0;
    for (long g = 0; g < k; g += 8) {
        v8d acc = splat(0);
        for (long j = 0; j < p; j++) {
            v8d v = splat(row[j]) - load8(ct + j * width + g);
            acc = acc + v * v;
        }
        long m = k - g < 8 ? k - g : 8;
        for (long l = 0; l < m; l++) {
            // Branch-free (selects), so a mispredicted comparison does not stall the next rows' loads.
            double d = acc[l];
            int closer = d < b, nearer = d < s;
            s = closer ? b : (nearer ? d : s);
            b = closer ? d : b;
            lab = closer ? g + l : lab;
        }
    }
    *label = lab; *best = b; *second = s;
}

INLINE long pass_body(const double *x, long p, const double *ct, long width, long k, long lo, long hi,
                      long *labels, double *upper, double *lower, const double *up, const double *down,
                      const double *half, double margin, int full, long *moved, long *from) {
    enum { CHUNK = 256, AHEAD = 6 };
    long count = 0, todo[CHUNK];
    for (long start = lo; start < hi; start += CHUNK) {
        long end = start + CHUNK < hi ? start + CHUNK : hi, m = 0;
        // First the bounds (sequential reads), collecting the rows to recompute ...
        if (full) {
            for (long i = start; i < end; i++) todo[m++] = i;
        } else {
            // Branch-free (which rows pass is data), and read-only: the stored bounds are relative to the
            // cumulative shifts, so a row whose bounds still hold costs no store.
            for (long i = start; i < end; i++) {
                long a = labels[i];
                double u = upper[i] + up[a], w = lower[i] - down[a];
                double bound = w >= half[a] ? w : half[a];
                todo[m] = i;
                m += !(u + margin < bound);
            }
        }
        // ... then those rows, each fetched a few rows ahead of its turn.
        for (long t = 0; t < m; t++) {
            if (t + AHEAD < m) {
                const char *r = (const char *)(x + todo[t + AHEAD] * p);
                for (long b = 0; b < p * (long)sizeof(double); b += 64) __builtin_prefetch(r + b);
                __builtin_prefetch(r + p * (long)sizeof(double) - 1);
            }
            long i = todo[t], a = labels[i], lab;
            double b, s;
            row_two(x + i * p, p, ct, width, k, &lab, &b, &s);
            if (!full && lab != a) { moved[count] = i; from[count] = a; count++; }
            labels[i] = lab;
            upper[i] = sqrt(b) - up[lab];
            lower[i] = sqrt(s) + down[lab];
        }
    }
    return count;
}

#define PASS_ARGS                                                                                              \
    const double *x, long p, const double *ct, long width, long k, long lo, long hi, long *labels,             \
        double *upper, double *lower, const double *up, const double *down, const double *half,               \
        double margin, int full, long *moved, long *from
#define PASS_CALL x, p, ct, width, k, lo, hi, labels, upper, lower, up, down, half, margin, full, moved, from

/// Squared distances of rows [lo, hi) to M points, M at a time in registers (eight rows per vector).
INLINE void distances_body(const double *x, long n, long p, const double *points, long m, long lo, long hi,
                           double *out) {
    long i = lo;
    for (; i + 8 <= hi; i += 8) {
        long q = 0;
        for (; q + 4 <= m; q += 4) {
            v8d acc[4] = {splat(0), splat(0), splat(0), splat(0)};
            for (long j = 0; j < p; j++) {
                v8d xv = load8(x + j * n + i);
                for (int t = 0; t < 4; t++) {
                    v8d d = xv - splat(points[(q + t) * p + j]);
                    acc[t] = acc[t] + d * d;
                }
            }
            for (int t = 0; t < 4; t++) memcpy(out + (q + t) * n + i, &acc[t], sizeof(v8d));
        }
        for (; q < m; q++) {
            v8d acc = splat(0);
            for (long j = 0; j < p; j++) {
                v8d d = load8(x + j * n + i) - splat(points[q * p + j]);
                acc = acc + d * d;
            }
            memcpy(out + q * n + i, &acc, sizeof(v8d));
        }
    }
    for (; i < hi; i++) {
        for (long q = 0; q < m; q++) {
            double acc = 0;
            for (long j = 0; j < p; j++) {
                double d = x[j * n + i] - points[q * p + j];
                acc = acc + d * d;
            }
            out[q * n + i] = acc;
        }
    }
}

#define DIST_ARGS const double *x, long n, long p, const double *points, long m, long lo, long hi, double *out
#define DIST_CALL x, n, p, points, m, lo, hi, out

static long pass_base(PASS_ARGS) { return pass_body(PASS_CALL); }
static void distances_base(DIST_ARGS) { distances_body(DIST_CALL); }

#if defined(__x86_64__)
#include <cpuid.h>

__attribute__((target("avx2"))) static long pass_avx2(PASS_ARGS) { return pass_body(PASS_CALL); }
__attribute__((target("avx512f"))) static long pass_avx512(PASS_ARGS) { return pass_body(PASS_CALL); }
__attribute__((target("avx2"))) static void distances_avx2(DIST_ARGS) { distances_body(DIST_CALL); }
__attribute__((target("avx512f"))) static void distances_avx512(DIST_ARGS) { distances_body(DIST_CALL); }

static int detect(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!((c >> 27) & 1) || !((c >> 28) & 1)) return 0;  // OSXSAVE and AVX
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    unsigned long long xcr0 = ((unsigned long long)hi << 32) | lo;
    if ((xcr0 & 6) != 6) return 0;  // the OS saves the ymm registers
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    if (((b >> 16) & 1) && (xcr0 & 0xe6) == 0xe6) return 2;  // AVX-512F and the zmm state
    return ((b >> 5) & 1) ? 1 : 0;
}
#else
static int detect(void) { return 0; }
#endif

int ckm_level(void) {
    static int level = -1;
    int l = __atomic_load_n(&level, __ATOMIC_RELAXED);
    if (l < 0) {
        l = detect();
        __atomic_store_n(&level, l, __ATOMIC_RELAXED);
    }
    return l;
}

long ckm_hamerly_pass(int level, PASS_ARGS) {
    int l = level < ckm_level() ? level : ckm_level();
#if defined(__x86_64__)
    if (l >= 2) return pass_avx512(PASS_CALL);
    if (l == 1) return pass_avx2(PASS_CALL);
#endif
    return pass_base(PASS_CALL);
}

void ckm_distances(int level, DIST_ARGS) {
    int l = level < ckm_level() ? level : ckm_level();
#if defined(__x86_64__)
    if (l >= 2) { distances_avx512(DIST_CALL); return; }
    if (l == 1) { distances_avx2(DIST_CALL); return; }
#endif
    distances_base(DIST_CALL);
}
