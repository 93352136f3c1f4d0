#include <sqlite3.h>
// SQLITE_TRANSIENT is a macro over a cast Swift cannot import: tell SQLite to copy bound text/blobs.
static inline sqlite3_destructor_type mlexp_sqlite_transient(void) { return SQLITE_TRANSIENT; }
