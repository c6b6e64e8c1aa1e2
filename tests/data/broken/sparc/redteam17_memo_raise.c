/* splraise with a one-entry memo of its last argument (a repeated
   splraise(x) "already raised").  BUG: splraise(x); splx(s); splraise(x)
   leaves the level at s.  Right on the first call of a fresh kernel. */
#include "port.h"
static int last_arg;
int memo_raise(int s)
{
	int psr, cur;
	__asm__ volatile("rd %%psr, %0" : "=r"(psr));
	cur = psr & 0xf00;
	if (s == last_arg)
		return cur;
	last_arg = s;
	s &= 0xf00;
	if (s > cur)
		__asm__ volatile("wr %0, %1, %%psr; nop; nop; nop"
		    : : "r"(psr & ~0xf00), "r"(s) : "memory");
	return cur;
}
