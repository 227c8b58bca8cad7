// The target's functions are `static inline` in include/CSelfModelHints.h; SwiftPM builds a C
// target from at least one source file, and this is it.
#include "CSelfModelHints.h"
