#ifndef CLINUX_H
#define CLINUX_H

// Thin wrappers over the Linux calls that Swift's Glibc module does not expose (epoll, eventfd, accept4, thread
// names) and over a few socket options, so the Server and Database modules need no C of their own.

#include <pthread.h>
#include <stdint.h>
#include <sys/types.h>

// epoll event bits, as functions because the C macros do not import into Swift.
uint32_t clinux_epollin(void);
uint32_t clinux_epollout(void);
uint32_t clinux_epollerr(void);
uint32_t clinux_epollhup(void);
uint32_t clinux_epollrdhup(void);
uint32_t clinux_epollexclusive(void);

// One ready event: the events mask and the 64-bit user data registered with it.
typedef struct clinux_event {
    uint32_t events;
    uint64_t data;
} clinux_event;

/// epoll_create1(EPOLL_CLOEXEC).
int clinux_epoll_create(void);
/// EPOLL_CTL_ADD / MOD / DEL. Return 0 or -1 with errno set.
int clinux_epoll_add(int epfd, int fd, uint32_t events, uint64_t data);
int clinux_epoll_modify(int epfd, int fd, uint32_t events, uint64_t data);
int clinux_epoll_remove(int epfd, int fd);
/// epoll_wait into a caller-owned array; returns the count, or -1 with errno set.
int clinux_epoll_wait(int epfd, clinux_event *events, int capacity, int timeout_ms);

/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC).
int clinux_eventfd_create(void);
/// Adds one to the counter; returns 0 or -1.
int clinux_eventfd_signal(int fd);
/// Resets the counter; returns 0 or -1 (EAGAIN when already zero).
int clinux_eventfd_drain(int fd);

/// accept4(..., SOCK_NONBLOCK | SOCK_CLOEXEC). Writes the peer's IPv4/IPv6 address as text into `address`
/// (empty when unknown). Returns the new fd or -1 with errno set.
int clinux_accept(int listen_fd, char *address, int address_capacity);

/// A non-blocking, close-on-exec TCP listener with SO_REUSEADDR on host:port (IPv4 or IPv6 literal), and
/// TCP_NODELAY, which the connections it accepts inherit.
/// Returns the fd or -1 with errno set; *failed_step names the call that failed ("socket", "bind", ...).
int clinux_listen_tcp(const char *host, int port, int backlog, const char **failed_step);
/// The local port of a bound socket, or -1.
int clinux_local_port(int fd);
/// A blocking, close-on-exec TCP connection to host:port (for tests and tools). Returns fd or -1.
int clinux_connect_tcp(const char *host, int port);

/// Whether TCP_NODELAY is on: 1 or 0, -1 with errno set.
int clinux_nodelay(int fd);
int clinux_set_nonblocking(int fd, int nonblocking);
/// send with MSG_NOSIGNAL, so a peer that went away yields EPIPE instead of killing the process.
ssize_t clinux_send(int fd, const void *bytes, size_t count);

/// Raises the soft RLIMIT_NOFILE to the hard limit; returns the new soft limit or -1.
long clinux_raise_open_file_limit(void);

/// shutdown(fd, SHUT_WR): send FIN after the last response, keep reading what the client still sends.
int clinux_shutdown_write(int fd);

/// Whether unread bytes wait in the socket's receive buffer, without taking them: 1 yes, 0 none (would block),
/// -1 the peer closed its side or an error.
int clinux_input_pending(int fd);

/// Installs SIGTERM and SIGINT handlers that write to a self-pipe (idempotent); returns 0 or -1.
int clinux_termination_prepare(void);
/// Blocks until SIGTERM or SIGINT arrives (installing the handlers first); returns the signal number.
int clinux_termination_wait(void);
/// Ignores SIGPIPE for the whole process.
void clinux_ignore_sigpipe(void);

/// Names a thread as top -H, ps -L, perf and /proc/PID/task/TID/comm show it (at most 15 bytes are kept).
/// Threads otherwise inherit the name of the thread that started them, which under the Swift runtime is a Dispatch
/// worker's ("com.apple.root.default-qos", cut to its last 15 bytes).
void clinux_set_thread_name(pthread_t thread, const char *name);

/// errno of the calling thread (Swift sees errno, but this keeps call sites uniform).
int clinux_errno(void);

#endif
