#ifndef GRIDROOM_CSQLITE_SHIM_H
#define GRIDROOM_CSQLITE_SHIM_H
#include <sqlite3.h>
#include <malloc.h>

/* Bulk writers: keep freed heap instead of shrinking and regrowing it around every
   transaction (thousands of brk calls and page faults per second otherwise). */
static inline void gr_keep_heap(void) {
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
}
#endif
