#ifndef CLINUX_H
#define CLINUX_H
// Placeholder; the server work fills this in with epoll, eventfd and accept4 wrappers.
int clinux_placeholder(void);
#endif
