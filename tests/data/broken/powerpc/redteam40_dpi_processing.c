/* BROKEN (red team 40 A F1): a do_pending_int in C whose re-entry guard is
   a static of its own named processing, as NetBSD's extintr.c names it (and
   as the port's spl.S names a local): an inner call from a handler that
   interrupted the outer one before it disabled EE finds the guard set and
   returns with wdc0 pending and unblocked.  Judged as own data whatever its
   name: the verdict was "holds" under this name, "fails" under another. */
#include "port.h"
#define PSL_EE 0x8000
#define SOFT_BITS ((1u << SRC_SOFTCLOCK_BIT) | (1u << SRC_SOFTNET_BIT) | (1u << SRC_SOFTSERIAL_BIT))
void Xreplay(int bit, int msr);
static volatile int processing;
static inline int getmsr(void) { int m; __asm volatile("mfmsr %0" : "=r"(m)); return m; }
static inline void setmsr(int m) { __asm volatile("mtmsr %0" :: "r"(m) : "memory"); }
void do_pending_int(void)
{
	int emsr, dmsr, bit;
	unsigned pcpl, p;

	if (processing)
		return;
	processing = 1;
	emsr = getmsr();
	dmsr = emsr & ~PSL_EE;
	setmsr(dmsr);
	pcpl = cpl;
	while ((p = ipending & ~pcpl) != 0) {
		if (p & ~SOFT_BITS)
			p &= ~SOFT_BITS;
		bit = 31 - __builtin_clz(p);
		ipending &= ~(1u << bit);
		Xreplay(bit, emsr);
		setmsr(dmsr);
		cpl = pcpl;
	}
	cpl = pcpl;
	processing = 0;
	setmsr(emsr);
}
