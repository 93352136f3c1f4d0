/* Ctrl-C for `mlexp chat`: a SIGINT handler that writes one byte to a pipe (async-signal-safe) for a
 * Swift thread to read, whichever thread the signal lands on. Dispatch signal sources on Linux rely on
 * the signal being blocked in every thread, which a process with libedit, curl and Dispatch threads
 * cannot guarantee, so signals were lost. The write end is the only state; install once, from one file
 * (mlexp's Interrupts.swift). Leaves out: other signals (libedit restores the terminal on those). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int mlexp_sigint_fd = -1;

static inline void mlexp_sigint_handler(int signo) {
    (void)signo;
    int saved = errno;
    if (mlexp_sigint_fd >= 0) {
        char byte = 1;
        ssize_t written = write(mlexp_sigint_fd, &byte, 1);
        (void)written;
    }
    errno = saved;
}

/* Sends every SIGINT to `write_fd` (made non-blocking); 0 on success, -1 with errno set. */
static inline int mlexp_sigint_install(int write_fd) {
    int flags = fcntl(write_fd, F_GETFL);
    if (flags < 0 || fcntl(write_fd, F_SETFL, flags | O_NONBLOCK) < 0) return -1;
    mlexp_sigint_fd = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = mlexp_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, NULL);
}
