/* x86-64 event numbers (spec 5.9): the portal selector is the affected
 * EC's SEL_EVT + number. Host exceptions use the vector (below
 * SEL_HST/ARCH), guest intercepts the VMX basic exit reason (below
 * SEL_GST/ARCH). "NOVA may handle" marks events that can be consumed by the
 * kernel without a portal traversal. */
#pragma once

/* Host exceptions: event number = vector. 0x02, 0x09, 0x0F, 0x16..0x1F
 * are reserved. */
enum nova_x86_exc {
    NOVA_X86_EXC_DE = 0x00,
    NOVA_X86_EXC_DB = 0x01,
    NOVA_X86_EXC_BP = 0x03,
    NOVA_X86_EXC_OF = 0x04,
    NOVA_X86_EXC_BR = 0x05,
    NOVA_X86_EXC_UD = 0x06,
    NOVA_X86_EXC_NM = 0x07,     /* NOVA may handle */
    NOVA_X86_EXC_DF = 0x08,     /* NOVA may handle */
    NOVA_X86_EXC_TS = 0x0A,     /* NOVA may handle */
    NOVA_X86_EXC_NP = 0x0B,
    NOVA_X86_EXC_SS = 0x0C,
    NOVA_X86_EXC_GP = 0x0D,
    NOVA_X86_EXC_PF = 0x0E,
    NOVA_X86_EXC_MF = 0x10,
    NOVA_X86_EXC_AC = 0x11,
    NOVA_X86_EXC_MC = 0x12,     /* NOVA may handle */
    NOVA_X86_EXC_XM = 0x13,
    NOVA_X86_EXC_VE = 0x14,
    NOVA_X86_EXC_CP = 0x15,
};
#define NOVA_X86_EXC_COUNT 0x20u    /* the table spans 0x00..0x1F */

/* Guest intercepts, VMX: event number = basic exit reason. "forced" marks
 * intercepts NOVA may force on (they always reach the VMM). 0x23, 0x26,
 * 0x2A, 0x47 and 0x52..0x5F are reserved. */
enum nova_vmx_exit {
    NOVA_VMX_EXC_NMI = 0x00,        /* NOVA may handle */
    NOVA_VMX_EXTINT = 0x01,         /* NOVA may handle */
    NOVA_VMX_TRIPLE_FAULT = 0x02,   /* forced */
    NOVA_VMX_INIT = 0x03,           /* forced */
    NOVA_VMX_SIPI = 0x04,           /* forced */
    NOVA_VMX_IO_SMI = 0x05,
    NOVA_VMX_OTHER_SMI = 0x06,
    NOVA_VMX_INTR_WINDOW = 0x07,
    NOVA_VMX_NMI_WINDOW = 0x08,
    NOVA_VMX_TASK_SWITCH = 0x09,    /* forced */
    NOVA_VMX_CPUID = 0x0A,          /* forced */
    NOVA_VMX_GETSEC = 0x0B,         /* forced */
    NOVA_VMX_HLT = 0x0C,            /* forced */
    NOVA_VMX_INVD = 0x0D,           /* forced */
    NOVA_VMX_INVLPG = 0x0E,
    NOVA_VMX_RDPMC = 0x0F,
    NOVA_VMX_RDTSC = 0x10,
    NOVA_VMX_RSM = 0x11,
    NOVA_VMX_VMCALL = 0x12,
    NOVA_VMX_VMCLEAR = 0x13,
    NOVA_VMX_VMLAUNCH = 0x14,
    NOVA_VMX_VMPTRLD = 0x15,
    NOVA_VMX_VMPTRST = 0x16,
    NOVA_VMX_VMREAD = 0x17,
    NOVA_VMX_VMRESUME = 0x18,
    NOVA_VMX_VMWRITE = 0x19,
    NOVA_VMX_VMXOFF = 0x1A,
    NOVA_VMX_VMXON = 0x1B,
    NOVA_VMX_CR_ACCESS = 0x1C,      /* NOVA may handle */
    NOVA_VMX_DR_ACCESS = 0x1D,
    NOVA_VMX_IO = 0x1E,             /* forced */
    NOVA_VMX_RDMSR = 0x1F,          /* forced */
    NOVA_VMX_WRMSR = 0x20,          /* forced */
    NOVA_VMX_FAIL_STATE = 0x21,     /* VM-entry failure, guest state; forced */
    NOVA_VMX_FAIL_MSR = 0x22,       /* VM-entry failure, MSR loading */
    NOVA_VMX_MWAIT = 0x24,
    NOVA_VMX_MTF = 0x25,
    NOVA_VMX_MONITOR = 0x27,
    NOVA_VMX_PAUSE = 0x28,
    NOVA_VMX_FAIL_MCHECK = 0x29,    /* VM-entry failure, machine check */
    NOVA_VMX_TPR_THRESHOLD = 0x2B,
    NOVA_VMX_APIC_ACCESS = 0x2C,
    NOVA_VMX_VIRT_EOI = 0x2D,
    NOVA_VMX_GDTR_IDTR = 0x2E,
    NOVA_VMX_LDTR_TR = 0x2F,
    NOVA_VMX_EPT_VIOLATION = 0x30,  /* forced */
    NOVA_VMX_EPT_MISCONFIG = 0x31,
    NOVA_VMX_INVEPT = 0x32,
    NOVA_VMX_RDTSCP = 0x33,
    NOVA_VMX_PREEMPT_TIMER = 0x34,
    NOVA_VMX_INVVPID = 0x35,
    NOVA_VMX_WBINVD = 0x36,         /* WBINVD/WBNOINVD */
    NOVA_VMX_XSETBV = 0x37,
    NOVA_VMX_APIC_WRITE = 0x38,
    NOVA_VMX_RDRAND = 0x39,
    NOVA_VMX_INVPCID = 0x3A,
    NOVA_VMX_VMFUNC = 0x3B,
    NOVA_VMX_ENCLS = 0x3C,
    NOVA_VMX_RDSEED = 0x3D,
    NOVA_VMX_PML_FULL = 0x3E,
    NOVA_VMX_XSAVES = 0x3F,
    NOVA_VMX_XRSTORS = 0x40,
    NOVA_VMX_PCONFIG = 0x41,
    NOVA_VMX_SPP = 0x42,            /* SPP miss/misconfiguration */
    NOVA_VMX_UMWAIT = 0x43,
    NOVA_VMX_TPAUSE = 0x44,
    NOVA_VMX_LOADIWKEY = 0x45,
    NOVA_VMX_ENCLV = 0x46,
    NOVA_VMX_ENQCMD_PASID = 0x48,
    NOVA_VMX_ENQCMDS_PASID = 0x49,
    NOVA_VMX_BUS_LOCK = 0x4A,
    NOVA_VMX_INSN_TIMEOUT = 0x4B,
    NOVA_VMX_SEAMCALL = 0x4C,
    NOVA_VMX_TDCALL = 0x4D,
    NOVA_VMX_RDMSRLIST = 0x4E,
    NOVA_VMX_WRMSRLIST = 0x4F,
    NOVA_VMX_URDMSR = 0x50,
    NOVA_VMX_UWRMSR = 0x51,
};
#define NOVA_VMX_EXIT_COUNT 0x60u   /* the table spans 0x00..0x5F */

/* AMD SVM: not in the spec (unconfirmed as interface). Impl. note: the SVM
 * exit code is the event number; these two are remapped. */
#define NOVA_SVM_EVT_NPF_IMPL     0xFCu   /* nested page fault (0x400) */
#define NOVA_SVM_EVT_INVALID_IMPL 0xFDu   /* invalid state (-1) */
