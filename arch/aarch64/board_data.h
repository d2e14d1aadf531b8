/* The aarch64 board descriptor: constant data in boards/<board>.c, read by
 * the arch code. Drivers stay here in arch/aarch64; a board only names them.
 * Values from a DTB (memory, console) take precedence at boot. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Console UART register interfaces the console code knows. */
enum uart_kind {
    UART_NONE,      /* no console: output is dropped */
    UART_PL011,     /* Arm PrimeCell PL011 (QEMU virt, many SoCs) */
    UART_CADENCE,   /* Cadence UART r1p12 (Xilinx ZynqMP) */
    UART_8250,      /* 16550-compatible MMIO, register stride 1 << reg_shift */
    UART_BCM_AUX,   /* BCM2711 mini UART: 16550-like, stride 4, no loopback */
    UART_IMX,       /* NXP i.MX UART */
    UART_SCIF,      /* Renesas SCIF */
    UART_GENI,      /* Qualcomm GENI serial engine (write-only driver) */
};

struct board_uart {
    enum uart_kind kind;
    uint64_t base;          /* physical MMIO base */
    uint8_t reg_shift;      /* UART_8250: log2 of the register stride */
    /* The machine is an emulator whose model of this UART may ignore the
     * loopback mode (QEMU 7.2 for the PL011, doc/aarch64.md). */
    bool loopback_may_be_unmodelled;
};

enum gic_version { GIC_V2 = 2, GIC_V3 = 3 };

struct board_gic {
    enum gic_version version;
    uint64_t gicd;          /* distributor */
    uint64_t gicc;          /* v2: CPU interface */
    uint64_t gicr;          /* v3: first redistributor */
    uint64_t gich;          /* v2: hypervisor interface (0: none or unknown) */
    uint64_t its;           /* v3: the ITS, 128 KiB (0: none or unknown) */
};

/* How PSCI calls reach the firmware. From EL2 only SMC reaches EL3. */
enum psci_conduit { PSCI_NONE, PSCI_SMC };

struct board_timer {
    uint64_t hz_fallback;   /* when CNTFRQ_EL0 reads 0 (firmware did not set it) */
    uint8_t ppi_el2_phys;   /* INTIDs of the EL2 physical and EL1 virtual timer */
    uint8_t ppi_el1_virt;
};

/* CPUs to start when the DTB lists none: MPIDR affinities (Aff3 in bits
 * 39..32, Aff2..Aff0 in 23..0), the boot CPU's among them. */
#define BOARD_CPUS_MAX 8
struct board_cpus {
    unsigned count;
    uint64_t mpidr[BOARD_CPUS_MAX];
};

struct aarch64_board {
    /* RAM assumed without a DTB, and mapped before the DTB is read: the
     * kernel's own 2 MiB-aligned load address lies inside. */
    uint64_t ram_base, ram_size;
    struct board_uart uart;
    struct board_gic gic;
    enum psci_conduit psci;
    struct board_timer timer;
    struct board_cpus cpus;
};

/* Defined by the board file the image is linked with. */
extern const struct aarch64_board board;

/* The architectural timer PPIs every board here uses (SBSA numbering). */
#define BOARD_TIMER_PPIS .ppi_el2_phys = 26, .ppi_el1_virt = 27
