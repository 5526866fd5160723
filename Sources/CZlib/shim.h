// zlib's init calls are macros (they pass the library's version and struct size); these are
// the two the zip code makes: raw deflate and raw inflate, as zip entries carry them.
#include <zlib.h>

static inline int lt_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
static inline int lt_inflate_init_raw(z_stream *stream) { return inflateInit2(stream, -MAX_WBITS); }
