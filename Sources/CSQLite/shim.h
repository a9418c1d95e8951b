#ifndef GRIDROOM_CSQLITE_SHIM_H
#define GRIDROOM_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
