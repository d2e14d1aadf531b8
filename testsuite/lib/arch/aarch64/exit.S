/* void nova_semihost_exit(const struct semihost_exit *blk): semihosting
 * SYS_EXIT (0x18) with the AArch64 parameter block {reason, code}. At EL0
 * QEMU honours it only with -semihosting-config userspace=on; otherwise the
 * HLT traps and the root monitor recognises nova_semihost_insn. */
    .text
    .globl nova_semihost_exit, nova_semihost_insn
    .type nova_semihost_exit, %function
nova_semihost_exit:
    mov x1, x0
    mov x0, #0x18
nova_semihost_insn:
    hlt #0xf000
    ret
    .size nova_semihost_exit, . - nova_semihost_exit

    .section .note.GNU-stack, "", %progbits
