#define _GNU_SOURCE
#include "CLinux.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

uint32_t clinux_epollin(void) { return EPOLLIN; }
uint32_t clinux_epollout(void) { return EPOLLOUT; }
uint32_t clinux_epollerr(void) { return EPOLLERR; }
uint32_t clinux_epollhup(void) { return EPOLLHUP; }
uint32_t clinux_epollrdhup(void) { return EPOLLRDHUP; }
uint32_t clinux_epollexclusive(void) { return EPOLLEXCLUSIVE; }

int clinux_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static int control(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

int clinux_epoll_add(int epfd, int fd, uint32_t events, uint64_t data) {
    return control(epfd, EPOLL_CTL_ADD, fd, events, data);
}

int clinux_epoll_modify(int epfd, int fd, uint32_t events, uint64_t data) {
    return control(epfd, EPOLL_CTL_MOD, fd, events, data);
}

int clinux_epoll_remove(int epfd, int fd) { return control(epfd, EPOLL_CTL_DEL, fd, 0, 0); }

int clinux_epoll_wait(int epfd, clinux_event *events, int capacity, int timeout_ms) {
    // struct epoll_event is packed on x86_64, so copy out rather than alias the caller's array.
    struct epoll_event ready[256];
    if (capacity > 256) capacity = 256;
    int count;
    do {
        count = epoll_wait(epfd, ready, capacity, timeout_ms);
    } while (count < 0 && errno == EINTR);
    for (int index = 0; index < count; index++) {
        events[index].events = ready[index].events;
        events[index].data = ready[index].data.u64;
    }
    return count;
}

int clinux_eventfd_create(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int clinux_eventfd_signal(int fd) {
    uint64_t one = 1;
    return write(fd, &one, sizeof one) == sizeof one ? 0 : -1;
}

int clinux_eventfd_drain(int fd) {
    uint64_t value;
    return read(fd, &value, sizeof value) == sizeof value ? 0 : -1;
}

int clinux_accept(int listen_fd, char *address, int address_capacity) {
    struct sockaddr_storage peer;
    socklen_t length = sizeof peer;
    int fd = accept4(listen_fd, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return -1;
    if (address && address_capacity > 0) {
        address[0] = 0;
        if (peer.ss_family == AF_INET) {
            inet_ntop(AF_INET, &((struct sockaddr_in *)&peer)->sin_addr, address, (socklen_t)address_capacity);
        } else if (peer.ss_family == AF_INET6) {
            inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&peer)->sin6_addr, address, (socklen_t)address_capacity);
        }
    }
    return fd;
}

int clinux_listen_tcp(const char *host, int port, int backlog, const char **failed_step) {
    struct sockaddr_storage address;
    socklen_t length;
    memset(&address, 0, sizeof address);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&address;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&address;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        length = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        length = sizeof *v6;
    } else {
        *failed_step = "parse address";
        errno = EINVAL;
        return -1;
    }
    int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *failed_step = "socket";
        return -1;
    }
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0) {
        *failed_step = "setsockopt SO_REUSEADDR";
        goto fail;
    }
    // Linux copies the listener's TCP options into every connection it accepts: set here once, TCP_NODELAY saves
    // a setsockopt per connection.
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0) {
        *failed_step = "setsockopt TCP_NODELAY";
        goto fail;
    }
    if (bind(fd, (struct sockaddr *)&address, length) < 0) {
        *failed_step = "bind";
        goto fail;
    }
    if (listen(fd, backlog) < 0) {
        *failed_step = "listen";
        goto fail;
    }
    return fd;
fail: {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
}

int clinux_local_port(int fd) {
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) < 0) return -1;
    if (address.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&address)->sin6_port);
    return -1;
}

int clinux_connect_tcp(const char *host, int port) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) {
        errno = EINVAL;
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int result;
    do {
        result = connect(fd, (struct sockaddr *)&address, sizeof address);
    } while (result < 0 && errno == EINTR);
    if (result < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int clinux_nodelay(int fd) {
    int value = 0;
    socklen_t length = sizeof value;
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &length) < 0) return -1;
    return value ? 1 : 0;
}

int clinux_set_nonblocking(int fd, int nonblocking) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    flags = nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    return fcntl(fd, F_SETFL, flags);
}

ssize_t clinux_send(int fd, const void *bytes, size_t count) {
    ssize_t sent;
    do {
        sent = send(fd, bytes, count, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
}

long clinux_raise_open_file_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) < 0) return -1;
    // An unlimited hard limit cannot be the soft one (the kernel caps files at nr_open); ask for a large number.
    rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? (rlim_t)1048576 : limit.rlim_max;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &limit) < 0) return -1;
    }
    return (long)limit.rlim_cur;
}

int clinux_shutdown_write(int fd) { return shutdown(fd, SHUT_WR); }

int clinux_input_pending(int fd) {
    char byte;
    ssize_t count = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (count > 0) return 1;
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
    return -1;
}

// Signals arrive on any thread; the handler only writes one byte to a pipe, which is async-signal-safe, and
// the waiting thread reads it.
static int termination_pipe[2] = {-1, -1};
static pthread_mutex_t termination_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_termination(int signal_number) {
    unsigned char byte = (unsigned char)signal_number;
    int saved = errno;
    ssize_t ignored = write(termination_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

int clinux_termination_prepare(void) {
    int result = 0;
    pthread_mutex_lock(&termination_lock);
    if (termination_pipe[0] < 0) {
        if (pipe2(termination_pipe, O_CLOEXEC) < 0) {
            result = -1;
        } else {
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = on_termination;
            sigemptyset(&action.sa_mask);
            action.sa_flags = SA_RESTART;
            if (sigaction(SIGTERM, &action, NULL) < 0 || sigaction(SIGINT, &action, NULL) < 0) result = -1;
        }
    }
    pthread_mutex_unlock(&termination_lock);
    return result;
}

int clinux_termination_wait(void) {
    if (clinux_termination_prepare() < 0) return -1;
    unsigned char byte = 0;
    ssize_t count;
    do {
        count = read(termination_pipe[0], &byte, 1);
    } while (count < 0 && errno == EINTR);
    return count == 1 ? (int)byte : -1;
}

void clinux_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

int clinux_errno(void) { return errno; }

void clinux_set_thread_name(pthread_t thread, const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = '\0';
    pthread_setname_np(thread, truncated);
}
