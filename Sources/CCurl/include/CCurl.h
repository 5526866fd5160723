// libcurl, opened when the first request is made rather than when the program starts: loading it
// (and the thirty libraries it needs) was half of what `lambda-tui --version` or `--help` took
// in memory, and a host without it gets a sentence saying so instead of the loader's refusal.
// Swift cannot call C variadic functions, so each setopt and getinfo we make has its own type.
#ifndef LAMBDA_TUI_CCURL_H
#define LAMBDA_TUI_CCURL_H
#include <curl/curl.h>
#include <stddef.h>

// Opens libcurl once (later calls answer the same); 0 when it is ready, else -1 with the
// reason in `reason`.
int lt_curl_load(char *reason, size_t size);

CURLcode lt_global_init(long flags);
const char *lt_version(void);
CURL *lt_easy_init(void);
void lt_easy_cleanup(CURL *handle);
const char *lt_easy_strerror(CURLcode code);
CURLcode lt_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode lt_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode lt_easy_setopt_ptr(CURL *handle, CURLoption option, const void *value);
CURLcode lt_easy_setopt_write(CURL *handle, CURLoption option, curl_write_callback function);
CURLcode lt_easy_setopt_read(CURL *handle, CURLoption option, curl_read_callback function);
CURLcode lt_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode lt_easy_getinfo_ptr(CURL *handle, CURLINFO info, void **value);
struct curl_slist *lt_slist_append(struct curl_slist *list, const char *text);
void lt_slist_free_all(struct curl_slist *list);
CURLM *lt_multi_init(void);
CURLMcode lt_multi_cleanup(CURLM *multi);
CURLMcode lt_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode lt_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode lt_multi_perform(CURLM *multi, int *running);
CURLMcode lt_multi_poll(CURLM *multi, struct curl_waitfd fds[], unsigned count, int timeout, int *ready);
CURLMsg *lt_multi_info_read(CURLM *multi, int *remaining);
#endif
