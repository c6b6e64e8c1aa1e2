/*
 * A classic MIPS bug: the sense of the IM bits turned around.  An spl
 * value lists the lines it enables (IM bit set = line enabled), but this
 * raise clears the bits it is given, as the port's _splraise() does with
 * its argument, the lines to block.  splraise(splbio()'s value) then
 * blocks every line bio leaves enabled and enables none it blocks.
 */
#include "port.h"

#define INT_MASK 0xff00		/* MIPS_INT_MASK */
#define INT_IE	 0x0001		/* MIPS_SR_INT_IE */

static inline int
getsr(void)
{
	int sr;

	__asm volatile("mfc0 %0,$12" : "=r"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("mtc0 %0,$12" : : "r"(sr) : "memory");
}

int
c_splraise(int s)
{
	int sr = getsr();

	setsr(sr & ~(s & INT_MASK));	/* should keep the lines s enables: sr & (s | ~INT_MASK) */
	return sr & (INT_MASK | INT_IE);
}
