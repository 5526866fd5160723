// What the process does for its own memory at start, before anything else runs.
#ifndef LAMBDA_TUI_CPROCESS_H
#define LAMBDA_TUI_CPROCESS_H

// Gives back the pages of the binary's relocation table (a megabyte the loader reads once, at
// start, and nothing reads again), and keeps malloc to two arenas rather than one per thread
// (each arena keeps its own pages). Returns the kilobytes given back.
long lt_trim_startup_memory(void);

#endif
