// Wide-character ncurses, plus functions for what the headers only offer as macros or globals,
// which Swift cannot import (or, for globals, cannot touch safely).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *lt_stdscr(void) { return stdscr; }
static inline int lt_colors(void) { return COLORS; }
static inline int lt_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t lt_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t lt_a_bold(void) { return A_BOLD; }
static inline attr_t lt_a_dim(void) { return A_DIM; }
static inline attr_t lt_a_reverse(void) { return A_REVERSE; }
static inline attr_t lt_a_underline(void) { return A_UNDERLINE; }
static inline int lt_set_locale(void) { return setlocale(LC_ALL, "") != NULL; }
