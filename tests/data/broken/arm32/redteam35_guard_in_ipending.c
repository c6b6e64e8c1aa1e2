/* BROKEN (red team 35 F5; expected: exact, through the sibling).  As
   redteam35_replay_guard_raise.c's guard, but the "replaying" flag is a
   spare bit of the port's pending word (bit 31: no source owns it), set
   and cleared with IRQs off around splx's replay, not a static of the
   file.  _splraise returns without raising while the bit is set, so a
   handler's splhigh() inside splx leaves its critical section open.  The
   bit is clear at every return: only a call made inside splx sees it. */
#include "port.h"

#define BUSY (1u << 31)

static inline unsigned
disable_irq(void)
{
	unsigned old, tmp;
	__asm volatile("mrs %0, cpsr\n\torr %1, %0, #0x80\n\tmsr cpsr_c, %1"
	    : "=r"(old), "=r"(tmp) :: "memory");
	return old;
}

static inline void
restore_irq(unsigned old)
{
	__asm volatile("msr cpsr_c, %0" :: "r"(old) : "memory");
}

void
splx(int mask)
{
	unsigned irq = disable_irq();
	footbridge_ipending |= BUSY;
	restore_irq(irq);
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask & ~BUSY)
		footbridge_do_pending();
	irq = disable_irq();
	footbridge_ipending &= ~BUSY;
	restore_irq(irq);
}

int
_splraise(int ipl)
{
	int old = current_spl_level;

	if (footbridge_ipending & BUSY)
		return old;
	current_spl_level = old | footbridge_imask[ipl];
	return old;
}
