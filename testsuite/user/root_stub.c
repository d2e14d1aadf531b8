/* The smallest root task: a valid ELF for the loader checks that parks
 * itself. The real user probe suite replaces it with the kernel core. */
void _start(void);

void _start(void)
{
    for (;;)
        ;
}
