// Wide-character ncurses, plus functions for what the headers only offer as macros or globals,
// which Swift cannot import (or, for globals, cannot touch safely).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Whether terminfo knows the terminal, asked without initscr's habit of exiting when it does not.
extern int setupterm(const char *term, int filedes, int *errret);
static inline int lt_terminal_known(const char *name) { int err = 0; return setupterm(name, 1, &err) == 0 && err == 1; }

// The cell width curses itself gives a character (wcwidth is hidden without _XOPEN_SOURCE).
static inline int lt_wcwidth(wchar_t c) { return wcwidth(c); }
// A process still in the "C" locale (a test, a benchmark) measures as a UTF-8 terminal would.
static inline void lt_ensure_utf8_ctype(void) { if (MB_CUR_MAX <= 1) setlocale(LC_CTYPE, "C.UTF-8"); }

static inline WINDOW *lt_stdscr(void) { return stdscr; }
static inline int lt_colors(void) { return COLORS; }
static inline int lt_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t lt_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t lt_a_bold(void) { return A_BOLD; }
static inline attr_t lt_a_dim(void) { return A_DIM; }
static inline attr_t lt_a_reverse(void) { return A_REVERSE; }
static inline attr_t lt_a_underline(void) { return A_UNDERLINE; }
static inline int lt_set_locale(void) { return setlocale(LC_ALL, "") != NULL; }

// Mouse masks are macros built from other macros.
static inline mmask_t lt_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t lt_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t lt_wheel_down(void) { return BUTTON5_PRESSED; }
static inline mmask_t lt_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
