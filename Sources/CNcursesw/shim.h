#ifndef GRIDROOM_CNCURSESW_SHIM_H
#define GRIDROOM_CNCURSESW_SHIM_H
/* Wide-character curses: must be defined before curses.h (SwiftPM drops pkg-config's -D flags). */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>

/* Swift cannot import curses macros or the non-Sendable globals: accessors instead. */
static inline WINDOW *gr_stdscr(void) { return stdscr; }
static inline int gr_lines(void) { return LINES; }
static inline int gr_cols(void) { return COLS; }
static inline attr_t gr_a_bold(void) { return A_BOLD; }
static inline attr_t gr_a_reverse(void) { return A_REVERSE; }
static inline attr_t gr_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gr_a_dim(void) { return A_DIM; }
static inline attr_t gr_a_blink(void) { return A_BLINK; }
static inline attr_t gr_color_pair(short n) { return COLOR_PAIR(n); }
static inline int gr_key_resize(void) { return KEY_RESIZE; }
static inline int gr_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int gr_utf8_codeset(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}
#endif
