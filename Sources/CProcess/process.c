#define _GNU_SOURCE
#include "CProcess.h"
#include <link.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

static int release_relocations(struct dl_phdr_info *info, size_t size, void *released) {
    (void)size;
    if (info->dlpi_name && info->dlpi_name[0]) return 0;  // the executable comes first, unnamed
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_DYNAMIC) continue;
        ElfW(Addr) table = 0;
        ElfW(Xword) bytes = 0;
        for (const ElfW(Dyn) *entry = (const ElfW(Dyn) *)(info->dlpi_addr + header->p_vaddr); entry->d_tag != DT_NULL; entry++) {
            if (entry->d_tag == DT_RELA) table = entry->d_un.d_ptr;
            if (entry->d_tag == DT_RELASZ) bytes = entry->d_un.d_val;
        }
        // glibc has already made the address absolute; other loaders may leave it relative.
        if (table && table < info->dlpi_addr) table += info->dlpi_addr;
        long page = sysconf(_SC_PAGESIZE);
        if (!table || page <= 0) return 1;
        // Whole pages inside the table only: its neighbours on the first and last page stay.
        ElfW(Addr) start = (table + page - 1) & ~(ElfW(Addr))(page - 1), end = (table + bytes) & ~(ElfW(Addr))(page - 1);
        // The pages are the file's, read-only: dropped, they would be read again if ever touched.
        if (end > start && madvise((void *)start, end - start, MADV_DONTNEED) == 0) *(long *)released = (long)((end - start) / 1024);
        return 1;
    }
    return 1;
}

long lt_trim_startup_memory(void) {
    mallopt(M_ARENA_MAX, 2);
    long released = 0;
    dl_iterate_phdr(release_relocations, &released);
    return released;
}
