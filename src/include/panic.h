/* Fatal errors: a tagged console line the runner recognises, then exit. */
#pragma once

__attribute__((format(printf, 1, 2))) _Noreturn void panic(const char *fmt, ...);

#define ASSERT(cond)                                                          \
    do {                                                                      \
        if (!(cond))                                                          \
            panic("assertion '%s' failed at %s:%d", #cond, __FILE__, __LINE__); \
    } while (0)
