/* BROKEN (needs two interrupts): splx with its own replay loop that clears
   a source's pending bit only AFTER its handler returns.  A second request
   of the same source arriving while its handler runs (blocked by the
   raised level, so the stub pends it) is wiped by that late clear: never
   served.  Red team 15: held at depth 1 when a request could only be
   pended during the call; check now also starts the call with a request
   pending (check.explore_pending), and served_once fails at depth 1. */
#include "port.h"
#define barrier() __asm volatile("" ::: "memory")
static inline unsigned long irq_off(void) { unsigned long c, t; __asm volatile("mrs %0, cpsr\n\torr %1, %0, #0x80\n\tmsr cpsr_c, %1" : "=r"(c), "=r"(t) : : "memory"); return c; }
static inline void irq_on(unsigned long c) { __asm volatile("msr cpsr_c, %0" : : "r"(c) : "memory"); }

void
rt_splx_lateclear(int mask)
{
	unsigned long s;
	int p;

	barrier();
	current_spl_level = mask;
	barrier();
	s = irq_off();
	while ((p = footbridge_ipending & ~mask) != 0) {
#define RUN(name, bit, level, spl, vector)				\
		if (p & (1 << (bit))) {					\
			current_spl_level = mask | (spl) | (1 << (bit));	\
			irq_on(s);					\
			handler_##name();				\
			s = irq_off();					\
			footbridge_ipending &= ~(1 << (bit));	/* BUG: late */ \
			current_spl_level = mask;			\
			continue;					\
		}
		IPLEMU_SOURCES(RUN)
		break;
	}
	irq_on(s);
}
