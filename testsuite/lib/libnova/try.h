/* Exception recovery for the root EC: run a function so that an exception
 * it raises (delivered to the root monitor, libnova/monitor.h) ends the
 * function instead of the root task. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

struct nova_jmp {
    uint64_t reg[13];       /* x86: rbx rbp r12-r15 rsp rip; aarch64: x19-x30 sp */
};
#if defined(__x86_64__)
#define NOVA_JMP_SP 6
#define NOVA_UD_LEN 2       /* ud2 */
#else
#define NOVA_JMP_SP 12
#define NOVA_UD_LEN 4       /* udf #0 */
#endif

__attribute__((returns_twice)) int nova_setjmp(struct nova_jmp *j);
_Noreturn void nova_longjmp(struct nova_jmp *j, int val);

/* What the monitor saw. */
struct nova_exc {
    unsigned event;         /* x86 vector, aarch64 exception class */
    uint64_t ip;
    uint64_t addr;          /* x86 #PF address (2nd qualification), aarch64 FAR_EL2 */
    uint64_t code;          /* x86 error code (1st qualification), aarch64 ESR_EL2 */
    uint64_t sp;
};

struct nova_try {
    struct nova_jmp jmp;
    struct nova_try *prev;
    struct nova_exc exc;
};

/* The innermost active try frame (the monitor reads it). */
extern struct nova_try *volatile nova_try_current;

/* Runs fn(arg). Returns true if it returned normally, false if an
 * exception of the root EC ended it (then *exc, if given, describes it). */
bool nova_try_run(void (*fn)(void *), void *arg, struct nova_exc *exc);

/* Entry code (entry.S). */
void nova_try_landing(void);
void nova_raise_ud(void);
extern const char nova_ud_insn[];
