// k-means distance kernels in C, so they can be compiled for AVX-512 / AVX2 and picked at run time
// (Swift has no per-function target features; the package builds for the SSE2 baseline). Every squared
// distance is the straightforward one: differences squared and added in feature order, no fused
// multiply-add, so each kernel gives bit for bit the result of Swift's plain loop (KMeansKernels).
// Leaves out: the bounds bookkeeping of Hamerly's algorithm beyond one pass, the cluster sums.

#ifndef CKMEANS_H
#define CKMEANS_H

/// The best instruction set the kernels can use on this machine: 2 AVX-512, 1 AVX2, 0 the SSE2 baseline.
int ckm_level(void);

/// One pass of Hamerly's algorithm over rows [lo, hi) of a row-major matrix x [n × p], with the kernels of
/// `level` (capped at `ckm_level()`; every level gives the same results).
/// ct: the centres transposed, [p × width], width a multiple of 8 ≥ k, zero padded.
/// Bounds are stored relative to cumulative shifts per cluster: row i of cluster a has an upper bound
/// upper[i] + up[a] on the distance to its centre and a lower bound lower[i] − down[a] on the distance to
/// any other. When `full`, every row is recomputed; otherwise only a row whose upper bound + margin is not
/// below max(half[a], lower bound). A recomputed row gets label = nearest centre (ties to the lower index),
/// upper = its distance − up[label], lower = the second nearest's (infinity when k = 1) + down[label]; each
/// row whose label changes is written to moved[] with its old label in from[] (both with room for hi − lo
/// rows). Returns the number of moved rows (0 when `full`).
long ckm_hamerly_pass(
    int level, const double *x, long p, const double *ct, long width, long k, long lo, long hi,
    long *labels, double *upper, double *lower, const double *up, const double *down, const double *half,
    double margin, int full, long *moved, long *from);

/// Squared distances of rows [lo, hi) of a column-major matrix x [p × n] to m points (row-major [m × p]):
/// out[q × n + i] for point q and row i, differences squared and added in feature order.
void ckm_distances(int level, const double *x, long n, long p, const double *points, long m, long lo, long hi,
                   double *out);

#endif
