/* BROKEN (served_once; red team 41 F3: held before session 41's explored
   several-pended start): arm32 footbridge_do_pending in C (replacing the
   port's through its weak symbol), no budget, that disables IRQs once before
   its loop and lets the handler's restore_interrupts() stand after the
   handler returns: the re-disable after the handler is missing.  The first
   claim (footbridge_ipending &= ~bit, ldr/bic/str) runs with IRQs off; every
   later one with IRQs as the caller had them (on).  A source the target
   level blocks, arriving between the ldr and the str of a later claim, is
   pended by its stub and the str writes the old word back: lost (neither
   run nor pending).  The window exists only from the second replay on:
     splx(IPL_SOFTCLOCK) from IPL_SERIAL, disk and ether pended; ether runs
     (claimed with IRQs off); back at level SOFTCLOCK with IRQs on, the loop
     reads ipending (disk), softclock's request arrives (SOFTCLOCK blocks
     it: its stub pends it), the loop stores ipending = disk's bit cleared
     from the old word: softclock's bit is gone.
   Correct twin: redteam41_do_pending_nobudget_ok.c. */
#define NOBUDGET 1
#include "port.h"

#define PSR_I	0x80

static inline unsigned
get_cpsr(void)
{
	unsigned r;
	__asm volatile("mrs %0, cpsr" : "=r"(r) :: "memory");
	return r;
}

static inline void
set_cpsr_c(unsigned v)
{
	__asm volatile("msr cpsr_c, %0" :: "r"(v) : "memory");
}

struct src {
	unsigned bit, mask;
	void (*handler)(void);
};

#define ENTRY(name, bit, level, spl, vector) \
	{ 1u << (bit), (unsigned)(spl) | (1u << (bit)), handler_##name },
static const struct src srcs[] = { IPLEMU_SOURCES(ENTRY) };
#define NSRC (sizeof srcs / sizeof srcs[0])

void
footbridge_do_pending(void)
{
	unsigned oldirq = get_cpsr();
	unsigned level, runnable, i;
	int budget = NSRC;

	set_cpsr_c(oldirq | PSR_I);
	level = current_spl_level;
	for (;;) {
		runnable = footbridge_ipending & ~level;
		if (runnable == 0)
			break;
#ifndef NOBUDGET
		if (budget-- == 0)
			break;		/* BUG: the rest waits for a later call */
#endif
		for (i = 0; i < NSRC; i++)
			if (runnable & srcs[i].bit)
				break;
		if (i == NSRC)
			break;
		footbridge_ipending &= ~srcs[i].bit;
		current_spl_level = srcs[i].mask | level;
		set_cpsr_c(oldirq);
		srcs[i].handler();
		/* BUG: set_cpsr_c(oldirq | PSR_I) missing here */
		current_spl_level = level;
	}
	set_cpsr_c(oldirq);
}
