/*
 * m68k spl(9) in C, after NetBSD's m68k psl.h: the priority is SR<I2:I0>
 * (bits 10:8) and an spl value is a whole SR image; every change of the
 * level is one `move to SR'.
 */
#include "port.h"

#define PSL_IPL	0x0700

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
c_splraise(int s)
{
	int sr = getsr();

	if ((s & PSL_IPL) > (sr & PSL_IPL))
		setsr(s);
	return sr;
}

int
c_spllower(int s)
{
	int sr = getsr();

	setsr(s);
	return sr;
}

void
c_splx(int s)
{
	setsr(s);
}
