/* OPEN (holds; red team 41 F2): arm32 footbridge_do_pending in C (replacing the
   port's through its weak symbol) with a livelock guard: at most as many
   replays per call as the port has sources (8), the rest left "for the
   next spl call or interrupt".  Otherwise the port's design: IRQs off while
   footbridge_ipending and current_spl_level are read and written, each
   source run at its own IPL with IRQs as the caller had them, highest first
   (the YAML's order).  The start with every request pended at the call
   (starts.several_pended) pends at most the 8 sources, all served; a ninth
   request needs one more arriving during the replay:
     splx(IPL_NONE) from IPL_SERIAL with all 8 pended; disk arrives again
     while serial..ether run (their levels block it: pended); the replay
     serves it among the 8, softclock (the last) is left in
     footbridge_ipending, unblocked by level 0, at the return (no_lost).
   Correct twin: tests/data/broken/arm32/redteam41_do_pending_nobudget_ok.c. */
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
		set_cpsr_c(oldirq | PSR_I);
		current_spl_level = level;
	}
	set_cpsr_c(oldirq);
}
