/* splraise with a table built on the first call and kept: the PIL field
   of every level, the same every time it is built (the twin of
   redteam17_memo_raise.c, whose one-entry memo is wrong after an earlier
   call).  Holds after earlier calls as on a freshly loaded kernel. */
#include "port.h"
static int pil_field[16];
static int built;
int memo_raise_ok(int s)
{
	int psr, cur, i;
	if (!built) {
		for (i = 0; i < 16; i++)
			pil_field[i] = i << 8;
		built = 1;
	}
	__asm__ volatile("rd %%psr, %0" : "=r"(psr));
	cur = psr & 0xf00;
	s = pil_field[(s >> 8) & 15];
	if (s > cur)
		__asm__ volatile("wr %0, %1, %%psr; nop; nop; nop"
		    : : "r"(psr & ~0xf00), "r"(s) : "memory");
	return cur;
}
