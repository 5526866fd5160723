#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

// OPENSSL_VERSION is a macro Swift does not import as a constant of the right type.
static const int OPENSSL_VERSION_CONST = OPENSSL_VERSION;
