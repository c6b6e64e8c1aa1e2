/* BROKEN (red team 35 F1b; expected: exact, through the sibling).  The
   flag of redteam35_replay_guard_raise.c on a path only a call made with
   IRQs disabled and a source pending reaches: splx turns IRQs on for its
   replay (NetBSD's stubs do too) and sets the flag meanwhile; _splraise
   does not raise while it is set, so a replayed handler's splhigh()
   leaves the priority at the handler's IPL.  Held until the own data
   inside that start's replay were noted as the clean call's are. */
#include "port.h"

static volatile int replaying_irqoff;

void
splx(int mask)
{
	unsigned cpsr;

	__asm volatile("mrs %0, cpsr" : "=r"(cpsr));
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask) {
		if (cpsr & 0x80) {
			replaying_irqoff = 1;
			__asm volatile("msr cpsr_c, %0" :: "r"(cpsr & ~0x80) : "memory");
			footbridge_do_pending();
			__asm volatile("msr cpsr_c, %0" :: "r"(cpsr) : "memory");
			replaying_irqoff = 0;
		} else
			footbridge_do_pending();
	}
}

int
_splraise(int ipl)
{
	int old = current_spl_level;

	if (replaying_irqoff)
		return old;		/* BUG: a handler inside the replay */
	current_spl_level = old | footbridge_imask[ipl];
	return old;
}
