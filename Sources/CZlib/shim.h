// zlib for Sitrep: inflate for .warc.gz files and gzip/deflate HTTP bodies.
//
// `inflateInit2` and `deflateInit2` are macros that pass the library version
// and the struct size, which Swift cannot import; these inline wrappers make
// them callable.
#include <zlib.h>

static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int czlib_deflate_init2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
