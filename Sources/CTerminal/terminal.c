#define _POSIX_C_SOURCE 200809L
#include "CTerminal.h"

// A crash must not leave the terminal raw, in the alternate screen, with the keypad in
// application mode or the mouse reporting. The terminal's settings are saved before curses
// changes them and put back exactly; every mode the console sets is reset. A short note (the
// version, the screen and the last actions, never a value) is written for the next start. The
// handler only calls async-signal-safe functions, then lets the signal do what it would have
// done.
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
static struct termios lt_saved_terminal;
static int lt_terminal_saved;
static char lt_crash_note_path[4096];
static char lt_crash_context[4096];
static volatile sig_atomic_t lt_crashing;

static void lt_write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

static void lt_restore_terminal_and_reraise(int signal_number) {
    static const char reset[] =
        "\033[?1049l\033[?25h\033[0m\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1015l\033[?2004l\033[?1l\033>\r\n";
    if (!lt_crashing) {
        lt_crashing = 1;
        if (lt_terminal_saved) tcsetattr(STDIN_FILENO, TCSANOW, &lt_saved_terminal);
        lt_write_all(STDOUT_FILENO, reset, sizeof reset - 1);
        if (lt_crash_note_path[0]) {
            int fd = open(lt_crash_note_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (fd >= 0) {
                char number[4] = { (char)('0' + signal_number / 10 % 10), (char)('0' + signal_number % 10), '\n', 0 };
                lt_write_all(fd, "signal ", 7);
                lt_write_all(fd, number, 3);
                lt_write_all(fd, lt_crash_context, strnlen(lt_crash_context, sizeof lt_crash_context));
                close(fd);
            }
        }
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void lt_restore_terminal_on_crash(void) {
    if (tcgetattr(STDIN_FILENO, &lt_saved_terminal) == 0) lt_terminal_saved = 1;
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], lt_restore_terminal_and_reraise);
    // SIGQUIT would print a crash report over the screen and go on: other TUIs ignore it.
    signal(SIGQUIT, SIG_IGN);
}

void lt_set_crash_note_path(const char *path) {
    strncpy(lt_crash_note_path, path, sizeof lt_crash_note_path - 1);
}

void lt_set_crash_context(const char *text) {
    strncpy(lt_crash_context, text, sizeof lt_crash_context - 1);
}
