// Wide-character ncurses, plus functions for what the headers only offer as macros or globals,
// which Swift cannot import (or, for globals, cannot touch safely).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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

// A crash must not leave the terminal raw and in the alternate screen. The handler only calls
// async-signal-safe functions: it turns line editing and echo back on, leaves the alternate
// screen, then lets the signal do what it would have done.
#include <signal.h>
#include <termios.h>
#include <unistd.h>
static void lt_restore_terminal_and_reraise(int signal_number) {
    static const char reset[] = "\033[?1049l\033[?25h\033[0m\033[?1000l\r\n";
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) == 0) {
        settings.c_lflag |= ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN;
        settings.c_iflag |= ICRNL | IXON;
        settings.c_oflag |= OPOST | ONLCR;
        tcsetattr(STDIN_FILENO, TCSANOW, &settings);
    }
    (void)!write(STDOUT_FILENO, reset, sizeof reset - 1);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}
static inline void lt_restore_terminal_on_crash(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], lt_restore_terminal_and_reraise);
}
