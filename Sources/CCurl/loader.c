#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Every entry point used, found once by name in the library.
static struct {
    CURLcode (*global_init)(long);
    char *(*version)(void);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    // LAMBDA_TUI_LIBCURL names another build to use; else libcurl4's soname on Debian and Ubuntu
    // (the OpenSSL build), then the GnuTLS build.
    const char *chosen = getenv("LAMBDA_TUI_LIBCURL");
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!library) library = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(failure, sizeof failure, "libcurl 4 is needed (on Debian or Ubuntu: apt install libcurl4): %s", dlerror());
        return;
    }
#define FIND(field, name) \
    if (!(*(void **)&curl.field = dlsym(library, name))) { \
        snprintf(failure, sizeof failure, "the libcurl found has no %s: lambda-tui needs libcurl 7.66 or later", name); \
        return; \
    }
    FIND(global_init, "curl_global_init")
    FIND(version, "curl_version")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    FIND(multi_init, "curl_multi_init")
    FIND(multi_cleanup, "curl_multi_cleanup")
    FIND(multi_add_handle, "curl_multi_add_handle")
    FIND(multi_remove_handle, "curl_multi_remove_handle")
    FIND(multi_perform, "curl_multi_perform")
    FIND(multi_poll, "curl_multi_poll")
    FIND(multi_info_read, "curl_multi_info_read")
#undef FIND
}

int lt_curl_load(char *reason, size_t size) {
    pthread_once(&once, load);
    if (failure[0] == 0) return 0;
    if (reason && size) snprintf(reason, size, "%s", failure);
    return -1;
}

// The wrappers are called only after lt_curl_load has answered 0.
CURLcode lt_global_init(long flags) { return curl.global_init(flags); }
const char *lt_version(void) { return curl.version(); }
CURL *lt_easy_init(void) { return curl.easy_init(); }
void lt_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
const char *lt_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
CURLcode lt_easy_setopt_long(CURL *handle, CURLoption option, long value) { return curl.easy_setopt(handle, option, value); }
CURLcode lt_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return curl.easy_setopt(handle, option, value); }
CURLcode lt_easy_setopt_ptr(CURL *handle, CURLoption option, const void *value) { return curl.easy_setopt(handle, option, value); }
CURLcode lt_easy_setopt_write(CURL *handle, CURLoption option, curl_write_callback function) { return curl.easy_setopt(handle, option, function); }
CURLcode lt_easy_setopt_read(CURL *handle, CURLoption option, curl_read_callback function) { return curl.easy_setopt(handle, option, function); }
CURLcode lt_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl.easy_getinfo(handle, info, value); }
CURLcode lt_easy_getinfo_ptr(CURL *handle, CURLINFO info, void **value) { return curl.easy_getinfo(handle, info, value); }
struct curl_slist *lt_slist_append(struct curl_slist *list, const char *text) { return curl.slist_append(list, text); }
void lt_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }
CURLM *lt_multi_init(void) { return curl.multi_init(); }
CURLMcode lt_multi_cleanup(CURLM *multi) { return curl.multi_cleanup(multi); }
CURLMcode lt_multi_add_handle(CURLM *multi, CURL *handle) { return curl.multi_add_handle(multi, handle); }
CURLMcode lt_multi_remove_handle(CURLM *multi, CURL *handle) { return curl.multi_remove_handle(multi, handle); }
CURLMcode lt_multi_perform(CURLM *multi, int *running) { return curl.multi_perform(multi, running); }
CURLMcode lt_multi_poll(CURLM *multi, struct curl_waitfd fds[], unsigned count, int timeout, int *ready) {
    return curl.multi_poll(multi, fds, count, timeout, ready);
}
CURLMsg *lt_multi_info_read(CURLM *multi, int *remaining) { return curl.multi_info_read(multi, remaining); }
