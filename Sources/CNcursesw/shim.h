#ifndef GRIDROOM_CNCURSESW_SHIM_H
#define GRIDROOM_CNCURSESW_SHIM_H
/* Wide-character curses: must be defined before curses.h (SwiftPM drops pkg-config's -D flags). */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
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
/* Keys the console reads (KEY_* are macros). */
static inline int gr_key_up(void) { return KEY_UP; }
static inline int gr_key_down(void) { return KEY_DOWN; }
static inline int gr_key_left(void) { return KEY_LEFT; }
static inline int gr_key_right(void) { return KEY_RIGHT; }
static inline int gr_key_ppage(void) { return KEY_PPAGE; }
static inline int gr_key_npage(void) { return KEY_NPAGE; }
static inline int gr_key_home(void) { return KEY_HOME; }
static inline int gr_key_end(void) { return KEY_END; }
static inline int gr_key_enter(void) { return KEY_ENTER; }
static inline int gr_key_backspace(void) { return KEY_BACKSPACE; }
static inline int gr_key_dc(void) { return KEY_DC; }
static inline int gr_key_btab(void) { return KEY_BTAB; }
static inline int gr_key_f1(void) { return KEY_F(1); }
static inline int gr_key_code_yes(void) { return KEY_CODE_YES; }
/* newterm on the controlling terminal; NULL (not exit) on an unknown TERM. */
static inline SCREEN *gr_newterm(void) { return newterm(NULL, stdout, stdin); }
/* Whether the terminal can move the cursor (cup): TERM=dumb and the like cannot draw a screen. */
static inline int gr_can_address(void) { char *c = tigetstr("cup"); return c != NULL && c != (char *)-1; }
static inline int gr_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int gr_has_colors(void) { return has_colors(); }
/* Wide-char input: returns OK / KEY_CODE_YES / ERR, the character or key code in *out. */
static inline int gr_get_wch(int *out) { wint_t w = 0; int rc = get_wch(&w); *out = (int)w; return rc; }
/* Writes a wide string clipped to n characters at (y,x). */
static inline int gr_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }
#endif
