// PCRE2 needs its code unit width before the header is read; a cSettings define does not reach
// Swift's importer, so the shim defines it. Only the 8-bit (UTF-8) library is used.
#ifndef ISNAD_CPCRE2_SHIM_H
#define ISNAD_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
