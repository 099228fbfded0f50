#ifndef SITREP_CFUZZERDRIVER_H
#define SITREP_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`): parses libFuzzer's
/// flags from argv and runs `callback` on each input. Sitrep's fuzz targets
/// call it from their own `main`, because SwiftPM renames a Swift
/// executable's entry point and so libFuzzer's `main` cannot be used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
