// The crash handler: a crash must not leave the terminal raw, in the alternate screen, with the
// keypad in application mode or the mouse reporting, and it leaves a short note for the next
// start. A C file of its own, since its state must exist once in the process.
#ifndef LT_TERMINAL_H
#define LT_TERMINAL_H

// Saves the terminal's settings (before curses changes them) and installs the handler for
// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE; SIGQUIT is ignored.
void lt_restore_terminal_on_crash(void);

// Where the crash note goes (mode 0600); an empty path writes none.
void lt_set_crash_note_path(const char *path);

// What the note says after the signal's number: kept current by the console as it runs.
void lt_set_crash_context(const char *text);

#endif
