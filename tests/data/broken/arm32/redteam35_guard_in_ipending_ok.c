/* CORRECT twin of redteam35_guard_in_ipending.c (red team 35 F5): splx
   keeps the same "replaying" flag in the pending word's spare bit 31, set
   and cleared with IRQs off, but nothing decides on it (_splraise is the
   port's).  A call made inside splx starts with the bit set and may return
   with it so (the outer call's flag, not a request): it holds. */
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

	current_spl_level = old | footbridge_imask[ipl];
	return old;
}
