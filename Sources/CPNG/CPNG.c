#include "CPNG.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// What the libpng callbacks need: where the bytes go and where an error message goes.
typedef struct {
    cpng_buffer *buffer;
    char *message;
    size_t message_capacity;
    int out_of_memory;
} cpng_context;

static void cpng_set_message(cpng_context *context, const char *text) {
    if (context->message == NULL || context->message_capacity == 0) return;
    snprintf(context->message, context->message_capacity, "%s", text ? text : "unknown libpng error");
}

static void cpng_error(png_structp png, png_const_charp text) {
    cpng_context *context = (cpng_context *)png_get_error_ptr(png);
    if (context != NULL) cpng_set_message(context, text);
    // Returns to the setjmp in cpng_write_grayscale: only C frames lie in between.
    png_longjmp(png, 1);
}

static void cpng_warning(png_structp png, png_const_charp text) {
    // Warnings do not stop the image; staying silent keeps stderr clean on a server.
    (void)png;
    (void)text;
}

static void cpng_write(png_structp png, png_bytep bytes, size_t length) {
    cpng_context *context = (cpng_context *)png_get_io_ptr(png);
    cpng_buffer *buffer = context->buffer;
    if (length > SIZE_MAX - buffer->size) {
        context->out_of_memory = 1;
        png_error(png, "PNG output larger than addressable memory");
    }
    size_t needed = buffer->size + length;
    if (needed > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 1024;
        while (capacity < needed) {
            capacity = capacity > SIZE_MAX / 2 ? needed : capacity * 2;
        }
        unsigned char *grown = realloc(buffer->data, capacity);
        if (grown == NULL) {
            context->out_of_memory = 1;
            png_error(png, "out of memory while growing the PNG buffer");
        }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, bytes, length);
    buffer->size = needed;
}

static void cpng_flush(png_structp png) {
    (void)png;
}

/// Runs libpng under setjmp. It lives in its own function so the context, which the callbacks change,
/// belongs to the caller's frame: C leaves automatic variables of the function that called setjmp
/// indeterminate after a longjmp if they changed in between. Returns nonzero when libpng failed.
static int cpng_encode_rows(png_structp png, png_infop info, const unsigned char *pixels, uint32_t width,
                            uint32_t height, size_t row_stride, int bit_depth, cpng_context *context) {
    if (setjmp(png_jmpbuf(png))) {
        return 1;
    }
    png_set_write_fn(png, context, cpng_write, cpng_flush);
    png_set_IHDR(png, info, width, height, bit_depth, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Bilevel QR images compress best unfiltered, and skipping the filter search is faster.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    // Measured on QR images: level 6 is both smaller and over twice as fast as level 9.
    png_set_compression_level(png, 6);
    png_write_info(png, info);
    for (uint32_t row = 0; row < height; row++) {
        png_write_row(png, pixels + (size_t)row * row_stride);
    }
    png_write_end(png, info);
    return 0;
}

void cpng_buffer_free(cpng_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
    buffer->capacity = 0;
}

cpng_status cpng_write_grayscale(const unsigned char *pixels, uint32_t width, uint32_t height,
                                 size_t row_stride, int bit_depth, cpng_buffer *output,
                                 char *message, size_t message_capacity) {
    cpng_context context = {output, message, message_capacity, 0};
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (output == NULL) return CPNG_INVALID_ARGUMENT;
    output->data = NULL;
    output->size = 0;
    output->capacity = 0;

    if (pixels == NULL || width == 0 || height == 0 || width > CPNG_MAX_SIDE || height > CPNG_MAX_SIDE
        || (bit_depth != 1 && bit_depth != 8)) {
        cpng_set_message(&context, "invalid image: need 1..65535 pixels a side and bit depth 1 or 8");
        return CPNG_INVALID_ARGUMENT;
    }
    size_t minimum_stride = ((size_t)width * (size_t)bit_depth + 7) / 8;
    if (row_stride < minimum_stride) {
        cpng_set_message(&context, "invalid image: row stride shorter than one row of pixels");
        return CPNG_INVALID_ARGUMENT;
    }

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, cpng_error, cpng_warning);
    if (png == NULL) {
        cpng_set_message(&context, "out of memory creating the libpng writer");
        return CPNG_OUT_OF_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        cpng_set_message(&context, "out of memory creating the libpng info block");
        return CPNG_OUT_OF_MEMORY;
    }

    int failed = cpng_encode_rows(png, info, pixels, width, height, row_stride, bit_depth, &context);
    png_destroy_write_struct(&png, &info);
    if (failed) {
        cpng_buffer_free(output);
        return context.out_of_memory ? CPNG_OUT_OF_MEMORY : CPNG_LIBPNG_ERROR;
    }
    return CPNG_OK;
}
