#ifndef CPNG_H
#define CPNG_H

#include <stddef.h>
#include <stdint.h>

/// A PNG file in memory, grown by the writer. Release it with cpng_buffer_free.
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
} cpng_buffer;

typedef enum {
    CPNG_OK = 0,
    /// Width, height, bit depth or row stride make no sense; nothing was written.
    CPNG_INVALID_ARGUMENT = 1,
    /// malloc or realloc failed.
    CPNG_OUT_OF_MEMORY = 2,
    /// libpng reported an error; the message buffer holds its text.
    CPNG_LIBPNG_ERROR = 3,
} cpng_status;

/// The largest side cpng_write_grayscale accepts, well under libpng's own limit.
#define CPNG_MAX_SIDE 65535u

/// Encodes a grayscale bitmap as a PNG into `output` (which must be zeroed by the caller).
///
/// `pixels` holds `height` rows of `row_stride` bytes each, packed as PNG expects for
/// `bit_depth` 1 (eight pixels a byte, most significant bit first, 0 = black) or 8 (one byte a pixel).
/// libpng errors are caught here with setjmp, so no longjmp ever crosses a Swift frame.
/// On failure `output` is left empty and, when `message` is not NULL, it receives a
/// NUL-terminated description (truncated to `message_capacity`).
cpng_status cpng_write_grayscale(const unsigned char *pixels, uint32_t width, uint32_t height,
                                 size_t row_stride, int bit_depth, cpng_buffer *output,
                                 char *message, size_t message_capacity);

/// Frees the data of a buffer filled by cpng_write_grayscale and empties it. Safe on an empty buffer.
void cpng_buffer_free(cpng_buffer *buffer);

#endif
