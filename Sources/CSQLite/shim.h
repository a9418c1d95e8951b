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

/* sqlite3_config is variadic (Swift cannot call it). Memory statistics take a global mutex on
   every allocation; GridRoom never reads them. Only effective before SQLite initialises. */
static inline int gr_sqlite_no_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
