/* BROKEN (red team 35 F4; expected: exact, judged as splhigh).  splraise
   counts in a static how many of its calls are running; splhigh skips its
   write when two are ("two spl calls deep: we must be high already").  Two
   run only when a handler's splraise interrupts another: a softclock
   handler's inside an outer call, and then a clock handler's splhigh()
   inside that one leaves the priority at IPL_CLOCK.  Held while check
   noted the routine's own data only inside calls one handler deep; the
   count of 2 exists two deep (check.check_inside_starts, INSIDE_NESTING). */
#include "port.h"

#define PSL_IPL	0x0700

static volatile int running;

static inline int
getsr(void)
{
	unsigned short sr;

	__asm volatile("movew %%sr,%0" : "=d"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("movew %0,%%sr" : : "d"((unsigned short)sr) : "memory", "cc");
}

int
splraise(int s)
{
	int sr;

	running++;
	sr = getsr();
	if ((s & PSL_IPL) > (sr & PSL_IPL))
		setsr(s);
	running--;
	return sr;
}

int
splhigh(void)
{
	int sr = getsr();

	if (running < 2)	/* BUG: two calls deep is not "already high" */
		setsr(SPL_HIGH);
	return sr;
}
