#ifndef ALMAKIT_CCMARK_SHIM_H
#define ALMAKIT_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#endif
