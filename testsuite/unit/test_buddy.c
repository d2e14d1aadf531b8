/* The buddy allocator: exhaustion, alignment, zeroing, no overlap,
 * complete merging after frees, and panics on bad frees. */
#include "buddy.h"
#include "check.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

static jmp_buf on_panic;
static int panics;

void panic(const char *fmt, ...)
{
    (void)fmt;
    panics++;
    longjmp(on_panic, 1);
}

#define EXPECT_PANIC(stmt)                                                    \
    do {                                                                      \
        int before_ = panics;                                                 \
        if (!setjmp(on_panic)) {                                              \
            stmt;                                                             \
        }                                                                     \
        CHECK(panics == before_ + 1);                                         \
    } while (0)

enum { ARENA = 8u << 20 };
static struct buddy b;
static void *blocks[ARENA / FRAME_SIZE + 512];

static unsigned char *arena(uint64_t *phys)
{
    unsigned char *mem = aligned_alloc(FRAME_SIZE, ARENA);
    *phys = 0x40000000;               /* pretend physical base */
    return mem;
}

static size_t drain(unsigned order)
{
    size_t n = 0;
    while ((blocks[n] = buddy_alloc(&b, order)))
        n++;
    return n;
}

int main(void)
{
    uint64_t phys;
    unsigned char *mem = arena(&phys);
    memset(mem, 0xa5, ARENA);         /* dirty memory: allocations must be zeroed */
    buddy_init(&b);
    CHECK(!buddy_add(&b, (uintptr_t)mem, phys, 100));          /* too small */
    /* Start 1 KiB in: the partial first frame must be trimmed. */
    CHECK(buddy_add(&b, (uintptr_t)mem + 1024, phys + 1024, ARENA - 1024));
    size_t total = b.free_frames;
    CHECK(total > ARENA / FRAME_SIZE - 8 && total < ARENA / FRAME_SIZE);

    size_t n = drain(0);
    CHECK(n == total && b.free_frames == 0);
    for (size_t i = 0; i < n; i++) {
        unsigned char *p = blocks[i];
        CHECK(((uintptr_t)p & (FRAME_SIZE - 1)) == 0);
        CHECK(p >= mem && p + FRAME_SIZE <= mem + ARENA);
        CHECK(p[0] == 0 && p[FRAME_SIZE - 1] == 0);
        CHECK(buddy_phys(&b, p) == phys + (uint64_t)(p - mem));
        memset(p, (int)(i & 0xff), FRAME_SIZE);
    }
    for (size_t i = 0; i < n; i++)     /* no two blocks overlap */
        CHECK(((unsigned char *)blocks[i])[FRAME_SIZE / 2] == (unsigned char)(i & 0xff));
    /* Free in a scrambled order; everything must merge back. */
    for (size_t i = 0; i < n; i++) {
        size_t j = (i * 7919) % n;
        void *t = blocks[i]; blocks[i] = blocks[j]; blocks[j] = t;
    }
    for (size_t i = 0; i < n; i++)
        buddy_free(&b, blocks[i], 0);
    CHECK(b.free_frames == total);

    unsigned top = BUDDY_ORDERS - 1;
    size_t big = drain(top);
    CHECK(big >= 1);                                           /* merged to the top order */
    for (size_t i = 0; i < big; i++) {
        CHECK((buddy_phys(&b, blocks[i]) & ((FRAME_SIZE << top) - 1)) == 0);
        buddy_free(&b, blocks[i], top);
    }
    CHECK(b.free_frames == total);

    for (unsigned o = 0; o < BUDDY_ORDERS; o++) {              /* natural alignment per order */
        void *p = buddy_alloc(&b, o);
        CHECK(p && (buddy_phys(&b, p) & ((FRAME_SIZE << o) - 1)) == 0);
        buddy_free(&b, p, o);
    }
    CHECK(b.free_frames == total);
    CHECK(!buddy_alloc(&b, BUDDY_ORDERS));

    void *p = buddy_alloc(&b, 2);
    EXPECT_PANIC(buddy_free(&b, p, 1));                        /* wrong order */
    buddy_free(&b, p, 2);
    EXPECT_PANIC(buddy_free(&b, p, 2));                        /* double free */
    static char foreign[FRAME_SIZE];
    EXPECT_PANIC(buddy_free(&b, foreign, 0));                  /* not ours */
    CHECK(buddy_phys(&b, foreign) == 0);
    CHECK(b.free_frames == total);

    /* A second zone serves once the first is exhausted. */
    unsigned char *mem2 = aligned_alloc(FRAME_SIZE, 1u << 20);
    CHECK(buddy_add(&b, (uintptr_t)mem2, 0x80000000, 1u << 20));
    size_t both = drain(0);
    CHECK(b.free_frames == 0 && both > total);
    free(mem);
    free(mem2);
    return CHECK_DONE();
}
